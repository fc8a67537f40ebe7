package io.hytrix.engine.game;

/**
 * The members of one event, whoever holds them: the engine's {@link GameEvent} flyweight, or a copy
 * another thread keeps (a gateway's egress slot). {@link EventField} reads through this, so every
 * printer of events walks one field table whatever the event was copied into.
 */
public interface EventData
{
    EventType eventType();

    long huntId();

    long actorId();

    int x();

    int y();

    int tick();

    long value();

    /** Null when the type carries no item. */
    ItemType item();

    /** Null when the type carries no effect. */
    EffectType effect();

    /** Null when the type carries no reason. */
    CompletionReason reason();
}
