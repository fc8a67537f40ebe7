package io.hytrix.engine.game;

/**
 * The named fields of events, each read from one {@link GameEvent} member ({@link Source}). The field
 * set per type lives once, in {@link EventType}; every printer (text, YAML, JSON, the gateway) walks it,
 * so they all show the same names in the same order.
 */
public enum EventField
{
    HUNT_ID("huntId", Source.HUNT_ID),
    ACTOR_ID("actorId", Source.ACTOR_ID),
    X("x", Source.X),
    Y("y", Source.Y),
    TICK("tick", Source.TICK),
    TREASURES("treasures", Source.X),
    DURATION_TICKS("durationTicks", Source.VALUE),
    STEPS("steps", Source.VALUE),
    ITEM("item", Source.ITEM),
    SCORE("score", Source.VALUE),
    EFFECT("effect", Source.EFFECT),
    EXPIRES_AT("expiresAt", Source.VALUE),
    REASON("reason", Source.REASON),
    ACTORS("actors", Source.X),
    RANK("rank", Source.X);

    /** The {@link GameEvent} member a field is read from. */
    public enum Source
    {
        HUNT_ID, ACTOR_ID, X, Y, TICK, VALUE, ITEM, EFFECT, REASON;

        /** An enum constant's name rather than a number. */
        public boolean named()
        {
            return this == ITEM || this == EFFECT || this == REASON;
        }
    }

    private final String wireName;
    private final Source source;

    EventField(final String wireName, final Source source)
    {
        this.wireName = wireName;
        this.source = source;
    }

    public String wireName()
    {
        return wireName;
    }

    public Source source()
    {
        return source;
    }

    /** The field's value in {@code e}: a Long (ids, value), an Integer (x, y, tick) or a constant's name. */
    public Object valueOf(final GameEvent e)
    {
        switch (source)
        {
            case HUNT_ID: return e.huntId;
            case ACTOR_ID: return e.actorId;
            case X: return e.x;
            case Y: return e.y;
            case TICK: return e.tick;
            case VALUE: return e.value;
            case ITEM: return e.item == null ? "NONE" : e.item.name();
            case EFFECT: return e.effect == null ? "NONE" : e.effect.name();
            case REASON: return e.reason == null ? "NONE" : e.reason.name();
            default: throw new IllegalStateException("unknown source " + source);
        }
    }
}
