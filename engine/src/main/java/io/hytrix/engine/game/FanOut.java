package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;

import java.util.List;

/** Several listeners behind one, called in order. */
public final class FanOut implements EngineListener
{
    private final EngineListener[] listeners;

    public FanOut(final List<EngineListener> listeners)
    {
        this.listeners = listeners.toArray(new EngineListener[0]);
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        for (final EngineListener listener : listeners)
        {
            listener.onEvent(cause, event);
        }
    }

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        for (final EngineListener listener : listeners)
        {
            listener.onChecksum(tick, hashes);
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        for (final EngineListener listener : listeners)
        {
            listener.onOutcome(cmd);
        }
    }

    @Override
    public void onQuery(final CommandEvent query, final StateView view)
    {
        for (final EngineListener listener : listeners)
        {
            listener.onQuery(query, view);
        }
    }
}
