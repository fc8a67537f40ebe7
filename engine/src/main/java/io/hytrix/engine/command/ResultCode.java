package io.hytrix.engine.command;

/**
 * The outcome of a command: {@link #ACCEPTED} or a stable rejection code. The numeric code is
 * part of the output contract (journaled outputs, HTTP answers); never renumber.
 */
public enum ResultCode
{
    ACCEPTED(0, "accepted"),
    UNKNOWN_COMMAND(1, "unknown command type"),
    INVALID_ARGUMENT(2, "a field is out of range"),
    UNKNOWN_MAP(3, "no map with that name"),
    UNKNOWN_HUNT(4, "no running hunt with that id"),
    HUNT_EXISTS(5, "a hunt with that id is already running"),
    HUNT_FULL(6, "the hunt has its maximum number of actors"),
    UNKNOWN_ACTOR(7, "no actor with that id is in a hunt"),
    ACTOR_EXISTS(8, "that actor is already in a hunt"),
    OUT_OF_BOUNDS(9, "the target tile is outside the map"),
    BLOCKED_TILE(10, "the target tile is blocked or the step cuts a corner"),
    NO_PATH(11, "no path leads to the target tile"),
    NO_TREASURE(12, "no undug treasure on the actor's tile"),
    INVENTORY_FULL(13, "no inventory slot can take the item"),
    EMPTY_SLOT(14, "the inventory slot is empty"),
    ITEM_NOT_USABLE(15, "that item cannot be used"),
    CAPACITY(16, "the engine's hunt or actor capacity is reached"),
    INTERNAL(17, "internal error while applying the command; see the engine log"),
    /** Never in a journal or its outputs: the command was not journaled, so it was not applied. */
    JOURNAL_UNAVAILABLE(18, "the journal could not store the command, so it was not applied; retry later"),
    /** Rules 2: the actor already used this tick's movement (1 tile, 2 under SPEED; a travel's steps count). */
    MOVE_BUDGET(19, "the actor has already moved as far as it may this tick"),
    /** Rules 2: the cmdId is in the idempotency window with different fields; nothing was applied. */
    CMD_ID_CONFLICT(20, "that cmdId was already used for a command with different fields"),
    /** Rules 2: client commands use non-negative cmdIds; the negative range belongs to ticks. */
    NEGATIVE_CMD_ID(21, "cmdId must be >= 0 (negative cmdIds are reserved for ticks)");

    private static final ResultCode[] BY_CODE = new ResultCode[32];

    static
    {
        for (final ResultCode code : values())
        {
            BY_CODE[code.code] = code;
        }
    }

    private final int code;
    private final String message;

    ResultCode(final int code, final String message)
    {
        this.code = code;
        this.message = message;
    }

    public int code()
    {
        return code;
    }

    /** A human-readable explanation, fixed per code so it costs nothing on the hot path. */
    public String message()
    {
        return message;
    }

    public boolean accepted()
    {
        return this == ACCEPTED;
    }

    public static ResultCode fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
