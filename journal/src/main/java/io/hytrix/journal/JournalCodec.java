package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The byte layout of one journal entry. This is the only place it is defined: the journal, the
 * replay source and the dump tool all go through here.
 *
 * <pre>
 *  offset  size  field
 *  ------  ----  ------------------------------------------------------------------
 *       0     1  schemaVersion  u8   1 or {@link #SCHEMA_VERSION}: the entry's rules version
 *                                    ({@link CommandEvent#rules}); the rest of the layout is the same
 *       1     1  commandType    u8   {@link CommandType#id()}
 *       2     8  cmdId          i64  little-endian
 *      10     .  the type's fields, in {@link CommandType#field(int)} order, each at
 *                {@link CommandField#width()}:
 *                  width 8   i64 little-endian
 *                  width 4   i32 little-endian
 *                  width 1   u8
 *                  MAP       u8 length n (0..64), then n printable ASCII bytes
 *
 *  move(cmdId=7, actorId=42, dir=E), 19 bytes:
 *    01 | 04 | 07 00 00 00 00 00 00 00 | 2a 00 00 00 00 00 00 00 | 02
 *    ver  type cmdId                     actorId                   dir
 * </pre>
 *
 * There is no length or checksum field: Chronicle Queue frames each entry with its own length
 * header, so an entry's end is known and a short entry shows up as truncated.
 *
 * <p>Encoding checks every value against its {@link CommandField} range and decoding checks it
 * again, so a journal never holds an entry that cannot be read back. Neither allocates unless it
 * throws.
 */
public final class JournalCodec
{
    /**
     * The schema this build writes. Bump when the layout or the rules change; decode refuses versions it
     * does not know. Version 2 has version 1's layout: the byte says which rules the command is applied
     * under ({@link CommandEvent#CURRENT_RULES}), so version-1 entries keep replaying under rules 1.
     */
    public static final int SCHEMA_VERSION = 2;
    /** The oldest schema decode still reads. */
    public static final int OLDEST_SCHEMA_VERSION = 1;

    /** Bytes before the type's fields: version, type, cmdId. */
    public static final int HEADER_LENGTH = 1 + 1 + 8;

    /** Largest entry of any type: the createHunt fields plus a full map name. */
    public static final int MAX_ENCODED_LENGTH = maxEncodedLength();

    static
    {
        // Chronicle Bytes writes multi-byte values in native order; the layout promises little-endian.
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new IllegalStateException("the journal layout is little-endian; this platform is " + ByteOrder.nativeOrder());
        }
    }

    private JournalCodec()
    {
    }

    /**
     * Writes {@code cmd}'s journaled fields at {@code out}'s write position.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException if the command has no type or a field is out of range;
     *                                  {@code out} may then hold a partial entry, which the caller discards.
     */
    public static int encode(final CommandEvent cmd, final BytesOut<?> out)
    {
        final CommandType type = cmd.type;
        if (type == null)
        {
            throw new IllegalArgumentException("cannot journal a command with no type: cmdId=" + cmd.cmdId);
        }
        if (cmd.rules < OLDEST_SCHEMA_VERSION || cmd.rules > SCHEMA_VERSION)
        {
            throw new IllegalArgumentException("cannot journal " + type.wireName() + " cmdId=" + cmd.cmdId + ": rules version " + cmd.rules + " is outside " + OLDEST_SCHEMA_VERSION + ".." + SCHEMA_VERSION);
        }
        // A command keeps the rules it was made under: one built here carries the current ones, one
        // copied from an older journal (repair, tests of an upgrade) its own.
        out.writeUnsignedByte(cmd.rules);
        out.writeUnsignedByte(type.id());
        out.writeLong(cmd.cmdId);
        int length = HEADER_LENGTH;
        for (int i = 0, n = type.fieldCount(); i < n; i++)
        {
            final CommandField field = type.field(i);
            length += field.isNumeric() ? encodeNumber(cmd, field, out) : encodeMap(cmd, out);
        }
        return length;
    }

    /**
     * Reads one whole entry into {@code into}: type, cmdId and the type's fields. Also resets the
     * outcome fields ({@code result}, {@code eventCount}) as the fluent builders do; leaves
     * {@code journalIndex} and the other pipeline fields to the caller.
     *
     * @param index dense journal index of the entry, used only to name it in errors.
     * @throws JournalFormatException if the entry is not exactly one valid entry of a known type;
     *                                {@code into} may then be partly overwritten.
     */
    public static void decode(final BytesIn<?> in, final CommandEvent into, final long index)
    {
        final long start = in.readPosition();
        if (in.readRemaining() < HEADER_LENGTH)
        {
            throw truncated(index, in.readRemaining(), HEADER_LENGTH, "header");
        }
        final int version = in.readUnsignedByte();
        if (version < OLDEST_SCHEMA_VERSION || version > SCHEMA_VERSION)
        {
            throw new JournalFormatException(index, "unsupported schema version " + version + " (this build reads " + OLDEST_SCHEMA_VERSION + ".." + SCHEMA_VERSION + ")");
        }
        final int typeId = in.readUnsignedByte();
        final CommandType type = CommandType.fromId(typeId);
        if (type == null)
        {
            throw new JournalFormatException(index, "unknown command type id " + typeId);
        }
        into.type = type;
        into.rules = version;
        into.cmdId = in.readLong();
        for (int i = 0, n = type.fieldCount(); i < n; i++)
        {
            final CommandField field = type.field(i);
            if (field.isNumeric())
            {
                decodeNumber(in, into, field, index, start);
            }
            else
            {
                decodeMap(in, into, index, start);
            }
        }
        if (in.readRemaining() != 0)
        {
            throw new JournalFormatException(index, in.readRemaining() + " unexpected byte(s) after a complete " + type.wireName() + " entry of " + (in.readPosition() - start) + " bytes");
        }
        into.result = ResultCode.ACCEPTED;
        into.eventCount = 0;
    }

    private static int encodeNumber(final CommandEvent cmd, final CommandField field, final BytesOut<?> out)
    {
        final long value = field.get(cmd);
        if (!field.inRange(value))
        {
            throw new IllegalArgumentException("cannot journal " + cmd.type.wireName() + " cmdId=" + cmd.cmdId + ": " + field.wireName() + "=" + value + " is outside " + field.min() + ".." + field.max());
        }
        switch (field.width())
        {
            case 8: out.writeLong(value); return 8;
            case 4: out.writeInt((int)value); return 4;
            case 1: out.writeUnsignedByte((int)value); return 1;
            default: throw new IllegalStateException("no encoding for width " + field.width() + " of " + field);
        }
    }

    private static int encodeMap(final CommandEvent cmd, final BytesOut<?> out)
    {
        final int length = cmd.mapNameLength;
        if (length < 0 || length > CommandEvent.MAX_MAP_NAME_LENGTH)
        {
            throw new IllegalArgumentException("cannot journal " + cmd.type.wireName() + " cmdId=" + cmd.cmdId + ": map name length " + length + " is outside 0.." + CommandEvent.MAX_MAP_NAME_LENGTH);
        }
        final int bad = firstNonPrintable(cmd.mapName, length);
        if (bad >= 0)
        {
            throw new IllegalArgumentException("cannot journal " + cmd.type.wireName() + " cmdId=" + cmd.cmdId + ": map name byte " + bad + " is not printable ASCII");
        }
        out.writeUnsignedByte(length);
        out.write(cmd.mapName, 0, length);
        return 1 + length;
    }

    private static void decodeNumber(final BytesIn<?> in, final CommandEvent into, final CommandField field, final long index, final long start)
    {
        final int width = field.width();
        if (in.readRemaining() < width)
        {
            throw truncated(index, in.readRemaining(), width, field.wireName() + " at offset " + (in.readPosition() - start));
        }
        final long value;
        switch (width)
        {
            case 8: value = in.readLong(); break;
            case 4: value = in.readInt(); break;
            case 1: value = in.readUnsignedByte(); break;
            default: throw new IllegalStateException("no encoding for width " + width + " of " + field);
        }
        if (!field.inRange(value))
        {
            throw new JournalFormatException(index, into.type.wireName() + " " + field.wireName() + "=" + value + " is outside " + field.min() + ".." + field.max());
        }
        field.set(into, value);
    }

    private static void decodeMap(final BytesIn<?> in, final CommandEvent into, final long index, final long start)
    {
        if (in.readRemaining() < 1)
        {
            throw truncated(index, 0, 1, "map length at offset " + (in.readPosition() - start));
        }
        final int length = in.readUnsignedByte();
        if (length > CommandEvent.MAX_MAP_NAME_LENGTH)
        {
            throw new JournalFormatException(index, "map name length " + length + " exceeds " + CommandEvent.MAX_MAP_NAME_LENGTH);
        }
        if (in.readRemaining() < length)
        {
            throw truncated(index, in.readRemaining(), length, "map name at offset " + (in.readPosition() - start));
        }
        in.read(into.mapName, 0, length);
        into.mapNameLength = length;
        final int bad = firstNonPrintable(into.mapName, length);
        if (bad >= 0)
        {
            throw new JournalFormatException(index, "map name byte " + bad + " is 0x" + Integer.toHexString(into.mapName[bad] & 0xff) + ", not printable ASCII");
        }
    }

    /** Same rule as {@link CommandEvent#mapName(CharSequence)}: 0x21..0x7e. */
    private static int firstNonPrintable(final byte[] bytes, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] < 0x21 || bytes[i] > 0x7e)
            {
                return i;
            }
        }
        return -1;
    }

    private static JournalFormatException truncated(final long index, final long remaining, final int needed, final String what)
    {
        return new JournalFormatException(index, "truncated: " + what + " needs " + needed + " byte(s), " + remaining + " left");
    }

    private static int maxEncodedLength()
    {
        int max = 0;
        for (final CommandType type : CommandType.values())
        {
            int length = HEADER_LENGTH;
            for (int i = 0; i < type.fieldCount(); i++)
            {
                final int width = type.field(i).width();
                length += width < 0 ? 1 + CommandEvent.MAX_MAP_NAME_LENGTH : width;
            }
            max = Math.max(max, length);
        }
        return max;
    }
}
