package io.hytrix.engine.game;

/**
 * Flyweight for one domain event, reused for every event the handler emits so emitting allocates
 * nothing. Listeners must copy what they keep. {@link EventType} documents which fields each type uses;
 * unused fields are zero/null.
 */
public final class GameEvent
{
    public EventType type;
    public long huntId;
    public long actorId;
    public int x;
    public int y;
    public int tick;
    public ItemType item;
    public EffectType effect;
    public CompletionReason reason;
    public long value;

    /** Copies every field of {@code other}: how another thread keeps an event without sharing the flyweight. */
    public GameEvent copyFrom(final GameEvent other)
    {
        type = other.type;
        huntId = other.huntId;
        actorId = other.actorId;
        x = other.x;
        y = other.y;
        tick = other.tick;
        item = other.item;
        effect = other.effect;
        reason = other.reason;
        value = other.value;
        return this;
    }

    GameEvent reset(final EventType type, final long huntId, final long actorId)
    {
        this.type = type;
        this.huntId = huntId;
        this.actorId = actorId;
        x = 0;
        y = 0;
        tick = 0;
        item = null;
        effect = null;
        reason = null;
        value = 0;
        return this;
    }

    public EventType eventType()
    {
        return type;
    }

    public long huntId()
    {
        return huntId;
    }

    public long actorId()
    {
        return actorId;
    }

    public int x()
    {
        return x;
    }

    public int y()
    {
        return y;
    }

    public int tick()
    {
        return tick;
    }

    public long value()
    {
        return value;
    }

    public ItemType item()
    {
        return item;
    }

    public EffectType effect()
    {
        return effect;
    }

    public CompletionReason reason()
    {
        return reason;
    }

    /** Deterministic one-line rendering, e.g. {@code actorMoved{huntId=1, actorId=7, x=3, y=4, tick=12}}. */
    @Override
    public String toString()
    {
        return EventText.describe(this);
    }
}
