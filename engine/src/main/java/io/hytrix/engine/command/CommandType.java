package io.hytrix.engine.command;

/**
 * Every command the engine accepts, with a stable numeric id. The id is what the journal stores,
 * so it never changes once released; enum ordinals are never written anywhere.
 */
public enum CommandType
{
    CREATE_HUNT(1, "createHunt", CommandField.HUNT_ID, CommandField.MAP, CommandField.SEED, CommandField.TREASURES,
        CommandField.DURATION_TICKS, CommandField.MAX_ACTORS),
    JOIN_HUNT(2, "joinHunt", CommandField.HUNT_ID, CommandField.ACTOR_ID),
    TRAVEL(3, "travel", CommandField.ACTOR_ID, CommandField.X, CommandField.Y),
    MOVE(4, "move", CommandField.ACTOR_ID, CommandField.DIR),
    DIG(5, "dig", CommandField.ACTOR_ID),
    USE_ITEM(6, "useItem", CommandField.ACTOR_ID, CommandField.SLOT),
    LEAVE_HUNT(7, "leaveHunt", CommandField.ACTOR_ID),
    END_HUNT(8, "endHunt", CommandField.HUNT_ID),
    TICK(9, "tick");

    private static final CommandType[] BY_ID = new CommandType[16];

    static
    {
        for (final CommandType type : values())
        {
            BY_ID[type.id] = type;
        }
    }

    private final byte id;
    private final String wireName;
    private final CommandField[] fields;

    CommandType(final int id, final String wireName, final CommandField... fields)
    {
        this.id = (byte)id;
        this.wireName = wireName;
        this.fields = fields;
    }

    /** The fields this command carries after {@code cmdId}, in journal order. */
    public int fieldCount()
    {
        return fields.length;
    }

    public CommandField field(final int index)
    {
        return fields[index];
    }

    public boolean has(final CommandField field)
    {
        for (final CommandField f : fields)
        {
            if (f == field)
            {
                return true;
            }
        }
        return false;
    }

    public byte id()
    {
        return id;
    }

    /** The name used in JSON, YAML and on the command line: stable, part of the API. */
    public String wireName()
    {
        return wireName;
    }

    /** @return the type for a stored id, or null when the id is unknown (a newer schema or corrupt data). */
    public static CommandType fromId(final int id)
    {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public static CommandType fromWireName(final String name)
    {
        for (final CommandType type : BY_ID)
        {
            if (type != null && type.wireName.equals(name))
            {
                return type;
            }
        }
        return null;
    }
}
