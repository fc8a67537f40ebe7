package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.journal.ChronicleCommandSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a journal one command at a time, keeping what the last command did as text: for tools
 * that walk two replays in lockstep (diff) or stop at a command of interest. Not for speed.
 */
public final class JournalStepper implements AutoCloseable, EngineListener
{
    private final ChronicleCommandSource source;
    private final HandlerDriver driver;
    private final List<String> events = new ArrayList<>();
    private final List<Long> actors = new ArrayList<>();

    public JournalStepper(final Path journal, final MapCatalog maps)
    {
        this.source = ChronicleCommandSource.open(journal);
        this.driver = new HandlerDriver(new GameHandler(maps, Replayer.pathCache(0), this)).source(source, 0);
    }

    /** Applies the next command; false at the end of the journal. */
    public boolean step()
    {
        events.clear();
        actors.clear();
        return driver.step();
    }

    public CommandEvent command()
    {
        return driver.command();
    }

    /** Outcome as text, e.g. {@code ACCEPTED} or {@code NO_TREASURE (duplicate)}. */
    public String outcome()
    {
        final CommandEvent cmd = driver.command();
        return cmd.result + (cmd.duplicate ? " (duplicate)" : "");
    }

    public List<String> events()
    {
        return events;
    }

    /** Actors the last command named or produced events about, in first-seen order. */
    public List<Long> actorsInvolved()
    {
        return actors;
    }

    public GameHandler handler()
    {
        return driver.handler();
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        events.add(event.toString());
        if (event.actorId != 0 && !actors.contains(event.actorId))
        {
            actors.add(event.actorId);
        }
    }

    @Override
    public void onOutcome(final CommandEvent command)
    {
        if (command.type != null && command.type.has(CommandField.ACTOR_ID) && !actors.contains(command.actorId))
        {
            actors.add(0, command.actorId);
        }
    }

    @Override
    public void close()
    {
        source.close();
    }
}
