package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;

import java.io.PrintStream;

/** Writes every event it hears to a stream as YAML or JSON lines. */
public final class EventWriter implements EngineListener
{
    private final PrintStream out;
    private final CommandFormat format;
    private final boolean outcomes;
    private long written;

    /** @param outcomes also write one line per command with its outcome (what {@code diff --other-jar} compares) */
    public EventWriter(final PrintStream out, final CommandFormat format, final boolean outcomes)
    {
        this.out = out;
        this.format = format;
        this.outcomes = outcomes;
    }

    /** JSON for {@code .json}/{@code .jsonl} files, YAML otherwise. */
    public static CommandFormat formatFor(final String fileName)
    {
        return fileName.endsWith(".json") || fileName.endsWith(".jsonl") ? CommandFormat.JSON : CommandFormat.YAML;
    }

    public long written()
    {
        return written;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        out.println(EventFormat.format(format, cause, event));
        written++;
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (outcomes)
        {
            out.println(EventFormat.outcome(format, cmd));
        }
    }
}
