package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.StateView;

/**
 * A listener whose target can be set once the handler exists: recovery replays into a handler
 * with nobody listening, then the live service switches its output path on. Set the target before
 * the pipeline starts (the Disruptor's start publishes it to the handler thread).
 */
public final class SwitchableListener implements EngineListener
{
    private EngineListener target = EngineListener.NONE;

    public void target(final EngineListener listener)
    {
        target = listener;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        target.onEvent(cause, event);
    }

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        target.onChecksum(tick, hashes);
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        target.onOutcome(cmd);
    }

    @Override
    public void onQuery(final CommandEvent query, final StateView view)
    {
        target.onQuery(query, view);
    }
}
