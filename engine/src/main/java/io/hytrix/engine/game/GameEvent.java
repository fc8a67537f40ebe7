package io.hytrix.engine.game;

/**
 * Flyweight for one domain event, reused for every event the handler emits so emitting allocates
 * nothing. Listeners must copy what they keep. {@link EventType} documents which fields each type uses;
 * unused fields are zero/null.
 */
public final class GameEvent implements EventData
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

    @Override
    public EventType eventType()
    {
        return type;
    }

    @Override
    public long huntId()
    {
        return huntId;
    }

    @Override
    public long actorId()
    {
        return actorId;
    }

    @Override
    public int x()
    {
        return x;
    }

    @Override
    public int y()
    {
        return y;
    }

    @Override
    public int tick()
    {
        return tick;
    }

    @Override
    public long value()
    {
        return value;
    }

    @Override
    public ItemType item()
    {
        return item;
    }

    @Override
    public EffectType effect()
    {
        return effect;
    }

    @Override
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
