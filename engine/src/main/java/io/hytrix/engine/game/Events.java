package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;

/** Fills the one reusable {@link GameEvent} and hands it to the listener, counting as it goes. */
final class Events
{
    private final GameEvent event = new GameEvent();
    private final EngineListener listener;
    private CommandEvent cause;
    private long emitted;

    Events(final EngineListener listener)
    {
        this.listener = listener;
    }

    void cause(final CommandEvent cause)
    {
        this.cause = cause;
    }

    long emitted()
    {
        return emitted;
    }

    void restoreEmitted(final long count)
    {
        emitted = count;
    }

    GameEvent begin(final EventType type, final long huntId, final long actorId)
    {
        return event.reset(type, huntId, actorId);
    }

    /** Publishes the event filled since {@link #begin}. */
    void emit()
    {
        emitted++;
        cause.eventCount++;
        listener.onEvent(cause, event);
    }

    void actorAt(final EventType type, final Hunt hunt, final Actor actor, final int tile)
    {
        final GameEvent e = begin(type, hunt.id, actor.id);
        e.x = hunt.map.x(tile);
        e.y = hunt.map.y(tile);
        e.tick = hunt.tick;
        emit();
    }
}
