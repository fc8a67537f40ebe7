package io.hytrix.bench.loadgen;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.codec.CommandJsonWriter;
import io.hytrix.replay.codec.JsonText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The matchmaker's command stream as request bodies. It reuses the engine's deterministic
 * {@link MatchmakerScript} (same seed, same commands), minus its ticks (the service has its own
 * clock), with every id shifted by a per-run base so two runs against one service never collide in
 * the idempotency window or in hunt and actor ids.
 */
public final class LoadPlan
{
    private final MatchmakerScript script;
    private final long idBase;
    private final CommandEvent cmd = new CommandEvent();
    private final List<Long> hunts = new ArrayList<>();
    private boolean setUpDone;
    private long nextEndCmdId;
    /** Commands in the body being written. */
    private int written;

    public LoadPlan(final long seed, final int actors, final int actorsPerHunt, final int durationTicks,
        final int commandsPerTick, final long idBase, final GridMap... maps)
    {
        this.script = new MatchmakerScript(seed, actors, actorsPerHunt, durationTicks, commandsPerTick, maps);
        this.idBase = idBase;
    }

    public int hunts()
    {
        return script.hunts();
    }

    /**
     * The set-up: every createHunt and joinHunt the script emits before its first tick.
     * @return a JSON array of at most {@code max} commands, or null when the set-up is complete.
     */
    public String nextSetUp(final int max)
    {
        if (setUpDone)
        {
            return null;
        }
        written = 0;
        final String body = JsonText.write(g ->
        {
            g.writeStartArray();
            while (written < max)
            {
                script.next(cmd);
                if (cmd.type == CommandType.TICK)
                {
                    setUpDone = true;
                    break;
                }
                append(g);
            }
            g.writeEndArray();
        });
        return written == 0 ? null : body;
    }

    /** The next {@code count} actor commands as a JSON array (ticks skipped). */
    public String nextBatch(final int count)
    {
        written = 0;
        return JsonText.write(g ->
        {
            g.writeStartArray();
            while (written < count)
            {
                script.next(cmd);
                if (cmd.type != CommandType.TICK)
                {
                    append(g);
                }
            }
            g.writeEndArray();
        });
    }

    /** endHunt for every hunt this run created, so the service's capacity is given back. */
    public String tearDown()
    {
        return JsonText.write(g ->
        {
            g.writeStartArray();
            for (final long hunt : hunts)
            {
                cmd.endHunt(idBase - 1 - nextEndCmdId++, hunt);
                CommandJsonWriter.write(g, cmd);
            }
            g.writeEndArray();
        });
    }

    /** The script's command with this run's id base, as the next element of the body. */
    private void append(final JsonGenerator g) throws IOException
    {
        cmd.cmdId += idBase;
        cmd.huntId += idBase;
        cmd.actorId += idBase;
        if (cmd.type == CommandType.CREATE_HUNT)
        {
            hunts.add(cmd.huntId);
        }
        CommandJsonWriter.write(g, cmd);
        written++;
    }
}
