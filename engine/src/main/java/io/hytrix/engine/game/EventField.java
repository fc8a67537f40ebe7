package io.hytrix.engine.game;

/**
 * The named fields of events, each read from one member ({@link Source}) of a {@link GameEvent}
 * (the handler's flyweight, or a copy another thread keeps). The field
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

    /** Whether the value is an enum constant's name ({@link #constant}) rather than a number ({@link #number}). */
    public boolean named()
    {
        return source.named();
    }

    /** A numeric field's value in {@code e}; ids and value as they are, x, y and tick widened. */
    public long number(final GameEvent e)
    {
        switch (source)
        {
            case HUNT_ID: return e.huntId();
            case ACTOR_ID: return e.actorId();
            case X: return e.x();
            case Y: return e.y();
            case TICK: return e.tick();
            case VALUE: return e.value();
            default: throw new IllegalStateException("not numeric: " + this);
        }
    }

    /** A named field's constant in {@code e}, {@code NONE} when the event carries none. */
    public String constant(final GameEvent e)
    {
        final Enum<?> value;
        switch (source)
        {
            case ITEM: value = e.item(); break;
            case EFFECT: value = e.effect(); break;
            case REASON: value = e.reason(); break;
            default: throw new IllegalStateException("not named: " + this);
        }
        return value == null ? "NONE" : value.name();
    }

    /** The field's value in {@code e}: a Long (ids, value), an Integer (x, y, tick) or a constant's name. */
    public Object valueOf(final GameEvent e)
    {
        if (named())
        {
            return constant(e);
        }
        final long n = number(e);
        switch (source)
        {
            case X:
            case Y:
            case TICK: return (int)n;
            default: return n;
        }
    }

    /** The value as text: the number's digits or the constant's name. */
    public StringBuilder appendTo(final StringBuilder sb, final GameEvent e)
    {
        return named() ? sb.append(constant(e)) : sb.append(number(e));
    }
}
