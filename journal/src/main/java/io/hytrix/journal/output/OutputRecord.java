package io.hytrix.journal.output;

import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One record of the output queue, as bytes with typed accessors: the recorder fills one, the reader
 * reads into one, and verification compares two byte for byte. Reused; never allocates once grown.
 *
 * <pre>
 *   u8 schema | u8 kind
 *   kind META:    i32 checksumEveryTicks
 *   kind COMMAND: i64 journalIndex | i64 tick | i64 cmdId | u8 command type id | u8 result code
 *                 | u8 flags (1 duplicate, 2 checksum) | i32 events
 *                 | events x (u8 type | i64 huntId | i64 actorId | i32 x | i32 y | i32 tick
 *                             | u8 item | u8 effect | u8 reason | i64 value)
 *                 | if checksum: one i64 per {@link Subsystem}, in declaration order
 * </pre>
 * Little-endian. The schema byte changes whenever this layout does.
 */
public final class OutputRecord
{
    public static final int SCHEMA = 1;
    public static final byte META = 1;
    public static final byte COMMAND = 2;

    static final int FLAG_DUPLICATE = 1;
    static final int FLAG_CHECKSUM = 2;
    static final int HEADER = 2 + 8 + 8 + 8 + 1 + 1 + 1 + 4;
    static final int EVENT = 1 + 8 + 8 + 4 + 4 + 4 + 1 + 1 + 1 + 8;
    static final int CHECKSUM = 8 * Subsystem.all().length;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int JOURNAL_INDEX = 2;
    private static final int TICK = 10;
    private static final int CMD_ID = 18;
    private static final int TYPE = 26;
    private static final int RESULT = 27;
    private static final int FLAGS = 28;
    private static final int EVENTS = 29;
    /** Copies made once: {@code values()} allocates on every call and {@link #validate} runs per record. */
    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final CompletionReason[] REASONS = CompletionReason.values();

    byte[] bytes;
    int length;

    public OutputRecord()
    {
        this(1 << 12);
    }

    /** With room for {@code capacity} bytes before it has to grow. */
    public OutputRecord(final int capacity)
    {
        bytes = new byte[capacity];
    }

    /** The buffer, valid up to {@link #length()}; for writers of the queue. */
    public byte[] bytes()
    {
        return bytes;
    }

    public int length()
    {
        return length;
    }

    /** Makes room for {@code capacity} bytes; the contents are not kept. */
    byte[] reserve(final int capacity)
    {
        if (bytes.length < capacity)
        {
            bytes = new byte[Math.max(capacity, bytes.length * 2)];
        }
        return bytes;
    }

    void ensure(final int capacity)
    {
        if (bytes.length < capacity)
        {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    public int schema()
    {
        return bytes[0] & 0xFF;
    }

    public byte kind()
    {
        return bytes[1];
    }

    public boolean isCommand()
    {
        return length >= HEADER && bytes[1] == COMMAND;
    }

    /** For a META record. */
    public int checksumEveryTicks()
    {
        return (int)INT.get(bytes, 2);
    }

    public long journalIndex()
    {
        return (long)LONG.get(bytes, JOURNAL_INDEX);
    }

    public long tick()
    {
        return (long)LONG.get(bytes, TICK);
    }

    public long cmdId()
    {
        return (long)LONG.get(bytes, CMD_ID);
    }

    /** Null for an id this build does not know. */
    public CommandType commandType()
    {
        return CommandType.fromId(bytes[TYPE]);
    }

    public ResultCode result()
    {
        return ResultCode.fromCode(bytes[RESULT] & 0xFF);
    }

    public boolean duplicate()
    {
        return (bytes[FLAGS] & FLAG_DUPLICATE) != 0;
    }

    public boolean hasChecksum()
    {
        return (bytes[FLAGS] & FLAG_CHECKSUM) != 0;
    }

    public int eventCount()
    {
        return (int)INT.get(bytes, EVENTS);
    }

    /** Fills {@code into} with event {@code i} (0-based) of this command. */
    public GameEvent event(final int i, final GameEvent into)
    {
        int at = HEADER + i * EVENT;
        into.type = EventType.fromId(bytes[at]);
        into.huntId = (long)LONG.get(bytes, at + 1);
        into.actorId = (long)LONG.get(bytes, at + 9);
        into.x = (int)INT.get(bytes, at + 17);
        into.y = (int)INT.get(bytes, at + 21);
        into.tick = (int)INT.get(bytes, at + 25);
        into.item = ItemType.fromId(bytes[at + 29]);
        into.effect = EffectType.fromId(bytes[at + 30]);
        final int reason = bytes[at + 31];
        into.reason = reason == 0 ? null : CompletionReason.fromId(reason);
        into.value = (long)LONG.get(bytes, at + 32);
        return into;
    }

    /** The recorded checksum, into {@code into}; only when {@link #hasChecksum()}. */
    public SubsystemHashes checksum(final SubsystemHashes into)
    {
        final int at = HEADER + eventCount() * EVENT;
        for (final Subsystem s : Subsystem.all())
        {
            into.set(s, (long)LONG.get(bytes, at + 8 * s.ordinal()));
        }
        return into;
    }

    /** Makes this record a copy of {@code other}. */
    public OutputRecord copyFrom(final OutputRecord other)
    {
        System.arraycopy(other.bytes, 0, reserve(other.length), 0, other.length);
        length = other.length;
        return this;
    }

    /** Byte-for-byte equality with another record. */
    public boolean sameAs(final OutputRecord other)
    {
        return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
    }

    /** The same command's outcome and events, ignoring the checksum. */
    public boolean sameOutputsAs(final OutputRecord other)
    {
        final int mine = HEADER + eventCount() * EVENT;
        final int theirs = HEADER + other.eventCount() * EVENT;
        return mine == theirs && mine <= length && theirs <= other.length
            && Arrays.equals(bytes, 0, FLAGS, other.bytes, 0, FLAGS)
            && (bytes[FLAGS] & FLAG_DUPLICATE) == (other.bytes[FLAGS] & FLAG_DUPLICATE)
            && Arrays.equals(bytes, EVENTS, mine, other.bytes, EVENTS, theirs);
    }

    /**
     * Checks that the bytes hold a whole record of a schema this build reads.
     *
     * @throws OutputFormatException naming what is wrong
     */
    public void validate()
    {
        if (length < 2)
        {
            throw new OutputFormatException("record of " + length + " bytes is too short");
        }
        if (schema() != SCHEMA)
        {
            throw new OutputFormatException("output schema " + schema() + " is not supported (this build reads " + SCHEMA + ")");
        }
        if (kind() == META)
        {
            if (length != 6)
            {
                throw new OutputFormatException("META record of " + length + " bytes, expected 6");
            }
            return;
        }
        if (kind() != COMMAND || length < HEADER)
        {
            throw new OutputFormatException("record kind " + kind() + " of " + length + " bytes is not a record this build reads");
        }
        final long expected = HEADER + (long)eventCount() * EVENT + (hasChecksum() ? CHECKSUM : 0);
        if (eventCount() < 0 || expected != length)
        {
            throw new OutputFormatException("record for journal index " + journalIndex() + " holds " + length
                + " bytes, its header says " + expected);
        }
        // The accessors turn these bytes into enum constants and throw on an id they do not know: a
        // record that passes here must read back whole, or a verification report would crash on it.
        for (int i = 0, at = HEADER; i < eventCount(); i++, at += EVENT)
        {
            if (!known(EVENT_TYPES, bytes[at]))
            {
                throw new OutputFormatException("record for journal index " + journalIndex() + ": event " + i
                    + " has unknown type id " + bytes[at]);
            }
            final int reason = bytes[at + 31];
            if (reason != 0 && !known(REASONS, reason))
            {
                throw new OutputFormatException("record for journal index " + journalIndex() + ": event " + i
                    + " has unknown completion reason id " + reason);
            }
        }
    }

    private static boolean known(final EventType[] types, final int id)
    {
        for (final EventType type : types)
        {
            if (type.id() == id)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean known(final CompletionReason[] reasons, final int id)
    {
        for (final CompletionReason reason : reasons)
        {
            if (reason.id() == id)
            {
                return true;
            }
        }
        return false;
    }

    // ---- writing, for OutputRecorder ----

    void writeMeta(final int checksumEveryTicks)
    {
        reserve(6);
        bytes[0] = SCHEMA;
        bytes[1] = META;
        INT.set(bytes, 2, checksumEveryTicks);
        length = 6;
    }

    void putEvent(final int at, final GameEvent e)
    {
        bytes[at] = e.type.id();
        LONG.set(bytes, at + 1, e.huntId);
        LONG.set(bytes, at + 9, e.actorId);
        INT.set(bytes, at + 17, e.x);
        INT.set(bytes, at + 21, e.y);
        INT.set(bytes, at + 25, e.tick);
        bytes[at + 29] = e.item == null ? 0 : e.item.id();
        bytes[at + 30] = e.effect == null ? 0 : e.effect.id();
        bytes[at + 31] = e.reason == null ? 0 : e.reason.id();
        LONG.set(bytes, at + 32, e.value);
    }

    void putChecksum(final int at, final SubsystemHashes hashes)
    {
        for (final Subsystem s : Subsystem.all())
        {
            LONG.set(bytes, at + 8 * s.ordinal(), hashes.value(s));
        }
    }

    void putHeader(final long journalIndex, final long tick, final long cmdId, final CommandType type,
        final ResultCode result, final int flags, final int events)
    {
        bytes[0] = SCHEMA;
        bytes[1] = COMMAND;
        LONG.set(bytes, JOURNAL_INDEX, journalIndex);
        LONG.set(bytes, TICK, tick);
        LONG.set(bytes, CMD_ID, cmdId);
        bytes[TYPE] = type == null ? 0 : type.id();
        bytes[RESULT] = (byte)result.code();
        bytes[FLAGS] = (byte)flags;
        INT.set(bytes, EVENTS, events);
    }
}
