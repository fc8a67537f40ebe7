package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;

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
