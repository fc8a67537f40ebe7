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

    /** Deterministic one-line rendering, e.g. {@code actorMoved{huntId=1, actorId=7, x=3, y=4, tick=12}}. */
    @Override
    public String toString()
    {
        return EventText.describe(this);
    }
}
