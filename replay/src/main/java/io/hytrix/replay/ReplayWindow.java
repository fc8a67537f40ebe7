package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;

/** Passes on only what commands at or after {@code from} produce; everything before builds state silently. */
public final class ReplayWindow implements EngineListener
{
    private final ReplayBound from;
    private final EngineListener inner;
    private long ticks;
    private long current = -1;
    private boolean open;

    public ReplayWindow(final ReplayBound from, final EngineListener inner)
    {
        this.from = from;
        this.inner = inner;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        if (inWindow(cause))
        {
            inner.onEvent(cause, event);
        }
    }

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        if (inWindow(tick))
        {
            inner.onChecksum(tick, hashes);
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (inWindow(cmd))
        {
            inner.onOutcome(cmd);
        }
    }

    private boolean inWindow(final CommandEvent cmd)
    {
        if (cmd.journalIndex != current)
        {
            current = cmd.journalIndex;
            open = from.reached(cmd, ticks);
            if (cmd.type == CommandType.TICK)
            {
                ticks++;
            }
        }
        return open;
    }
}
