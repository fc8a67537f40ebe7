package io.hytrix.engine.command;

/**
 * Every field a command can carry: its external name, its encoded width and its legal range.
 * {@link CommandType} lists which fields each command has; the journal codec, the JSON/YAML
 * printers and the gateway's parser all work from this one table, so a layout is defined once.
 */
public enum CommandField
{
    HUNT_ID("huntId", 8, Long.MIN_VALUE, Long.MAX_VALUE),
    ACTOR_ID("actorId", 8, Long.MIN_VALUE, Long.MAX_VALUE),
    X("x", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    Y("y", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    DIR("dir", 1, 0, 7),
    SLOT("slot", 1, 0, 255),
    SEED("seed", 8, Long.MIN_VALUE, Long.MAX_VALUE),
    TREASURES("treasures", 4, 0, Integer.MAX_VALUE),
    DURATION_TICKS("durationTicks", 4, 0, Integer.MAX_VALUE),
    MAX_ACTORS("maxActors", 4, 0, Integer.MAX_VALUE),
    /** Length-prefixed ASCII: one length byte, then up to {@link CommandEvent#MAX_MAP_NAME_LENGTH} bytes. */
    MAP("map", -1, 0, 0);

    private final String wireName;
    private final int width;
    private final long min;
    private final long max;

    CommandField(final String wireName, final int width, final long min, final long max)
    {
        this.wireName = wireName;
        this.width = width;
        this.min = min;
        this.max = max;
    }

    public String wireName()
    {
        return wireName;
    }

    /** Encoded size in bytes, or -1 for the variable-length map name. */
    public int width()
    {
        return width;
    }

    public boolean isNumeric()
    {
        return this != MAP;
    }

    public boolean inRange(final long value)
    {
        return value >= min && value <= max;
    }

    public long min()
    {
        return min;
    }

    public long max()
    {
        return max;
    }

    /** Reads a numeric field; {@link #DIR} reads as its id. */
    public long get(final CommandEvent cmd)
    {
        switch (this)
        {
            case HUNT_ID: return cmd.huntId;
            case ACTOR_ID: return cmd.actorId;
            case X: return cmd.x;
            case Y: return cmd.y;
            case DIR: return cmd.dir == null ? -1 : cmd.dir.id();
            case SLOT: return cmd.slot;
            case SEED: return cmd.seed;
            case TREASURES: return cmd.treasures;
            case DURATION_TICKS: return cmd.durationTicks;
            case MAX_ACTORS: return cmd.maxActors;
            default: throw new IllegalStateException("not numeric: " + this);
        }
    }

    /** Writes a numeric field; the caller has checked {@link #inRange(long)}. */
    public void set(final CommandEvent cmd, final long value)
    {
        switch (this)
        {
            case HUNT_ID: cmd.huntId = value; break;
            case ACTOR_ID: cmd.actorId = value; break;
            case X: cmd.x = (int)value; break;
            case Y: cmd.y = (int)value; break;
            case DIR: cmd.dir = Direction.fromId((int)value); break;
            case SLOT: cmd.slot = (int)value; break;
            case SEED: cmd.seed = value; break;
            case TREASURES: cmd.treasures = (int)value; break;
            case DURATION_TICKS: cmd.durationTicks = (int)value; break;
            case MAX_ACTORS: cmd.maxActors = (int)value; break;
            default: throw new IllegalStateException("not numeric: " + this);
        }
    }

    /** The field's value as text, as it appears in JSON/YAML ({@code dir} as its name). */
    public String format(final CommandEvent cmd)
    {
        if (this == MAP)
        {
            return cmd.mapNameString();
        }
        if (this == DIR)
        {
            return cmd.dir == null ? "?" : cmd.dir.name();
        }
        return Long.toString(get(cmd));
    }
}
