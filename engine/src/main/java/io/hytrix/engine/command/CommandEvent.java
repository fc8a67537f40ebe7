package io.hytrix.engine.command;

import java.nio.charset.StandardCharsets;

/**
 * One command, as it sits in a pre-allocated ring-buffer slot. Mutable and reused: producers copy
 * into it, the journaller encodes it, the handler applies it and records its outcome in place.
 * Fields a type does not use are left at whatever the last user wrote and are never read.
 */
public final class CommandEvent
{
    public static final int MAX_MAP_NAME_LENGTH = 64;
    /** The rules version of the first release: what every journal entry of schema v1 is applied under. */
    public static final int RULES_1 = 1;
    /**
     * The rules this build writes: a command built here carries it, and a journal entry stores it as
     * its schema byte, so an entry replays under the rules it was written with (see the README,
     * "Rules and journal versions").
     */
    public static final int CURRENT_RULES = 2;

    // --- the command, as journaled ---
    public CommandType type;
    public long cmdId;
    public long huntId;
    public long actorId;
    public int x;
    public int y;
    public Direction dir;
    public int slot;
    public long seed;
    public int treasures;
    public int durationTicks;
    public int maxActors;
    public final byte[] mapName = new byte[MAX_MAP_NAME_LENGTH];
    public int mapNameLength;
    /**
     * The rules version the command was written under ({@link #RULES_1} or {@link #CURRENT_RULES}),
     * journaled as the entry's schema byte. A createHunt fixes it for the hunt; other commands use
     * their hunt's version and fall back to this one when they name no running hunt.
     */
    public int rules = CURRENT_RULES;

    // --- set by the pipeline, never journaled ---
    /** {@link Query#NONE} for a command; otherwise a read the handler answers through its listener. */
    public Query query = Query.NONE;
    /** Dense journal position of this command, 0 for the first entry ever written. */
    public long journalIndex = -1;
    /** When the sender meant to send it ({@code System.nanoTime()}); latency is measured from here. */
    public long intendedNanos;
    /** Opaque correlation handle a gateway uses to route the outcome back; the engine never reads it. */
    public long correlation;
    /** Set by the journaller when the append failed: the handler must then reject without applying. */
    public boolean journalFailed;

    // --- set by the handler ---
    public ResultCode result = ResultCode.ACCEPTED;
    public int eventCount;
    /** Outcome: tick commands applied before this one since the journal's start; a tick carries its own number. */
    public long tick;
    /** True when the cmdId was applied before, within the idempotency window: {@link #result} repeats that outcome. */
    public boolean duplicate;
    /**
     * Which {@link OutcomeDetail} explains {@link #result} (0: the code's own message). A small id instead
     * of a built string, so the handler never allocates; printers turn it into text.
     */
    public byte detail;

    public CommandEvent mapName(final CharSequence name)
    {
        final int length = name.length();
        if (length > MAX_MAP_NAME_LENGTH)
        {
            throw new IllegalArgumentException("map name longer than " + MAX_MAP_NAME_LENGTH + " characters: " + name);
        }
        for (int i = 0; i < length; i++)
        {
            final char c = name.charAt(i);
            if (c > 0x7e || c < 0x21)
            {
                throw new IllegalArgumentException("map name must be printable ASCII without spaces: " + name);
            }
            mapName[i] = (byte)c;
        }
        mapNameLength = length;
        return this;
    }

    public String mapNameString()
    {
        return new String(mapName, 0, mapNameLength, StandardCharsets.US_ASCII);
    }

    /** Copies the command fields (not the pipeline or outcome fields) from another slot. */
    public void copyCommandFrom(final CommandEvent src)
    {
        type = src.type;
        cmdId = src.cmdId;
        huntId = src.huntId;
        actorId = src.actorId;
        x = src.x;
        y = src.y;
        dir = src.dir;
        slot = src.slot;
        seed = src.seed;
        treasures = src.treasures;
        durationTicks = src.durationTicks;
        maxActors = src.maxActors;
        System.arraycopy(src.mapName, 0, mapName, 0, src.mapNameLength);
        mapNameLength = src.mapNameLength;
        rules = src.rules;
        detail = 0;
        intendedNanos = src.intendedNanos;
        correlation = src.correlation;
        query = src.query;
        duplicate = false;
        journalFailed = false;
        journalIndex = -1;
        result = ResultCode.ACCEPTED;
        eventCount = 0;
    }

    // Fluent builders for producers and tests: they set the type and its fields only.

    public CommandEvent createHunt(final long cmdId, final long huntId, final CharSequence map, final long seed,
        final int treasures, final int durationTicks, final int maxActors)
    {
        start(CommandType.CREATE_HUNT, cmdId);
        this.huntId = huntId;
        this.seed = seed;
        this.treasures = treasures;
        this.durationTicks = durationTicks;
        this.maxActors = maxActors;
        return mapName(map);
    }

    public CommandEvent joinHunt(final long cmdId, final long huntId, final long actorId)
    {
        start(CommandType.JOIN_HUNT, cmdId);
        this.huntId = huntId;
        this.actorId = actorId;
        return this;
    }

    public CommandEvent travel(final long cmdId, final long actorId, final int x, final int y)
    {
        start(CommandType.TRAVEL, cmdId);
        this.actorId = actorId;
        this.x = x;
        this.y = y;
        return this;
    }

    public CommandEvent move(final long cmdId, final long actorId, final Direction dir)
    {
        start(CommandType.MOVE, cmdId);
        this.actorId = actorId;
        this.dir = dir;
        return this;
    }

    public CommandEvent dig(final long cmdId, final long actorId)
    {
        start(CommandType.DIG, cmdId);
        this.actorId = actorId;
        return this;
    }

    public CommandEvent useItem(final long cmdId, final long actorId, final int slot)
    {
        start(CommandType.USE_ITEM, cmdId);
        this.actorId = actorId;
        this.slot = slot;
        return this;
    }

    public CommandEvent leaveHunt(final long cmdId, final long actorId)
    {
        start(CommandType.LEAVE_HUNT, cmdId);
        this.actorId = actorId;
        return this;
    }

    public CommandEvent endHunt(final long cmdId, final long huntId)
    {
        start(CommandType.END_HUNT, cmdId);
        this.huntId = huntId;
        return this;
    }

    public CommandEvent tick(final long cmdId)
    {
        start(CommandType.TICK, cmdId);
        return this;
    }

    private void start(final CommandType type, final long cmdId)
    {
        this.type = type;
        this.cmdId = cmdId;
        this.rules = CURRENT_RULES;
        this.detail = 0;
        this.query = Query.NONE;
        this.result = ResultCode.ACCEPTED;
        this.eventCount = 0;
        this.duplicate = false;
    }

    /** A read request; see {@link Query}. The type is left null so no journal could ever take it for a command. */
    public CommandEvent query(final Query kind, final long huntId, final long actorId)
    {
        start(null, 0);
        this.query = kind;
        this.huntId = huntId;
        this.actorId = actorId;
        return this;
    }

    public boolean isQuery()
    {
        return query != Query.NONE;
    }

    @Override
    public String toString()
    {
        return CommandText.describe(this);
    }
}
