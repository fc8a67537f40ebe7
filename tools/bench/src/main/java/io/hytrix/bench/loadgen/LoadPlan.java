package io.hytrix.bench.loadgen;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;

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
        final StringBuilder body = new StringBuilder(max * 64).append('[');
        int n = 0;
        while (n < max)
        {
            script.next(cmd);
            if (cmd.type == CommandType.TICK)
            {
                setUpDone = true;
                break;
            }
            append(body, n++);
        }
        return n == 0 ? null : body.append(']').toString();
    }

    /** The next {@code count} actor commands as a JSON array (ticks skipped). */
    public String nextBatch(final int count)
    {
        final StringBuilder body = new StringBuilder(count * 64).append('[');
        int n = 0;
        while (n < count)
        {
            script.next(cmd);
            if (cmd.type != CommandType.TICK)
            {
                append(body, n++);
            }
        }
        return body.append(']').toString();
    }

    /** endHunt for every hunt this run created, so the service's capacity is given back. */
    public String tearDown()
    {
        final StringBuilder body = new StringBuilder(hunts.size() * 48).append('[');
        for (int i = 0; i < hunts.size(); i++)
        {
            cmd.endHunt(idBase - 1 - nextEndCmdId++, hunts.get(i));
            if (i > 0)
            {
                body.append(',');
            }
            CommandJsonWriter.write(body, cmd);
        }
        return body.append(']').toString();
    }

    private void append(final StringBuilder body, final int index)
    {
        cmd.cmdId += idBase;
        cmd.huntId += idBase;
        cmd.actorId += idBase;
        if (cmd.type == CommandType.CREATE_HUNT)
        {
            hunts.add(cmd.huntId);
        }
        if (index > 0)
        {
            body.append(',');
        }
        CommandJsonWriter.write(body, cmd);
    }
}
