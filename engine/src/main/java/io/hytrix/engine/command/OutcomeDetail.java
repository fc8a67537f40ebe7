package io.hytrix.engine.command;

/**
 * Messages that say more than a {@link ResultCode}'s fixed one: which field was refused and what it
 * may be. The handler picks one by id ({@link CommandEvent#detail}) and never builds a string, so the
 * hot path stays allocation-free; printers (HTTP answers, dumps) call {@link #message(ResultCode, int)}.
 * Ids are part of the output contract like codes: never renumber.
 */
public enum OutcomeDetail
{
    NONE(0, null),
    TREASURES(1, "treasures must be 1..256"),
    DURATION_TICKS(2, "durationTicks must be 1..100000000"),
    MAX_ACTORS(3, "maxActors must be 1..4096"),
    TREASURES_FOR_MAP(4, "treasures must not exceed the map's passable tiles (rules 2: those of its largest connected region)"),
    DIR(5, "dir must be one of N NE E SE S SW W NW"),
    SLOT(6, "slot must be 0..7");

    private static final OutcomeDetail[] BY_ID = values();

    private final byte id;
    private final String message;

    OutcomeDetail(final int id, final String message)
    {
        this.id = (byte)id;
        this.message = message;
    }

    public byte id()
    {
        return id;
    }

    /** @return the detail's text, or null for {@link #NONE}. */
    public String text()
    {
        return message;
    }

    /** The message to print for an outcome: the detail's when there is one, else the code's own. */
    public static String message(final ResultCode code, final int detail)
    {
        if (detail > 0 && detail < BY_ID.length && BY_ID[detail].message != null)
        {
            return BY_ID[detail].message;
        }
        return code.message();
    }
}
