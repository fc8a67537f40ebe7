package io.hytrix.replay.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandText;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.Query;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns JSON (one command object or an array of them, as {@link CommandJsonWriter} writes) into
 * validated {@link CommandEvent} templates, strictly: unknown, duplicate and missing fields, wrong
 * types, out-of-range numbers (including ones too long for 64 bits) and trailing content are all
 * refused, each naming the field and, for malformed JSON, the line and column. Everything it knows
 * about commands comes from {@link CommandType} and {@link CommandField}, so a new field or command
 * needs no change here. The whole body is validated before the caller publishes anything: a body is
 * taken whole or refused whole. One reader per thread; it keeps per-object scratch.
 */
public final class CommandJsonReader
{
    /** Where parsed commands go: the reader fills templates it asks for, in order. */
    public interface Batch
    {
        /** Forget any previous contents. */
        void clear();

        /** The next template to fill; it belongs to the batch at once (a refused body discards the whole batch). */
        CommandEvent add();

        int size();

        /** The body was a JSON array (so an answer should be one too). */
        void markArray();
    }

    private static final String TYPE = CommandText.TYPE;
    private static final String CMD_ID = CommandText.CMD_ID;

    /** Slot of each accepted name in the per-object scratch: 0 = type, 1 = cmdId, 2 + ordinal = a CommandField. */
    private static final Map<String, Integer> SLOTS = new HashMap<>();
    private static final CommandField[] FIELDS = CommandField.values();
    private static final int TYPE_SLOT = 0;
    private static final int CMD_ID_SLOT = 1;

    static
    {
        SLOTS.put(TYPE, TYPE_SLOT);
        SLOTS.put(CMD_ID, CMD_ID_SLOT);
        for (final CommandField field : FIELDS)
        {
            SLOTS.put(field.wireName(), 2 + field.ordinal());
        }
    }

    private final int maxCommands;
    private final boolean allowTick;
    private final long[] values = new long[2 + FIELDS.length];
    private String mapName;

    /**
     * @param maxCommands the most commands one body may carry
     * @param allowTick   whether {@code tick} is a command this reader accepts (a gateway refuses it:
     *                    time exists only as the service's own ticks)
     */
    public CommandJsonReader(final int maxCommands, final boolean allowTick)
    {
        this.maxCommands = maxCommands;
        this.allowTick = allowTick;
    }

    /** Fills {@code batch} from {@code body} or throws the refusal. */
    public void read(final InputStream body, final Batch batch) throws CommandJsonException
    {
        batch.clear();
        try (JsonParser p = JsonText.FACTORY.createParser(body))
        {
            try
            {
                readBody(p, batch);
            }
            catch (final JsonProcessingException ex)
            {
                // A read constraint (say, a 100-digit number) reports no location of its own: the parser's is as good.
                throw new CommandJsonException("MALFORMED_JSON", describe(ex, p.currentLocation()), null);
            }
        }
        catch (final IOException ex)
        {
            throw new CommandJsonException("MALFORMED_JSON", "unreadable body: " + ex.getMessage(), null);
        }
    }

    private void readBody(final JsonParser p, final Batch batch) throws IOException, CommandJsonException
    {
        final JsonToken first = p.nextToken();
        if (first == JsonToken.START_OBJECT)
        {
            parseObject(p, batch.add(), -1);
        }
        else if (first == JsonToken.START_ARRAY)
        {
            batch.markArray();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken())
            {
                final int index = batch.size();
                if (t != JsonToken.START_OBJECT)
                {
                    throw new CommandJsonException("INVALID_BODY", "each element of the array must be a command object",
                        "[" + index + "]");
                }
                if (index == maxCommands)
                {
                    throw new CommandJsonException("TOO_MANY_COMMANDS",
                        "a request may carry at most " + maxCommands + " commands", null);
                }
                parseObject(p, batch.add(), index);
            }
            if (batch.size() == 0)
            {
                throw new CommandJsonException("INVALID_BODY", "the array holds no command", null);
            }
        }
        else if (first == null)
        {
            throw new CommandJsonException("INVALID_BODY", "the body is empty; send a command object or an array of them", null);
        }
        else
        {
            throw new CommandJsonException("INVALID_BODY", "the body must be a command object or an array of them", null);
        }
        if (p.nextToken() != null)
        {
            throw new CommandJsonException("MALFORMED_JSON", "unexpected content after the JSON value", null);
        }
    }

    private void parseObject(final JsonParser p, final CommandEvent into, final int index)
        throws IOException, CommandJsonException
    {
        long present = 0;
        CommandType type = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken())
        {
            final String name = p.currentName();
            final Integer slotBox = SLOTS.get(name);
            if (slotBox == null)
            {
                throw new CommandJsonException("UNKNOWN_FIELD", "unknown field '" + JsonText.clip(name) + "'", path(index, name));
            }
            final int slot = slotBox;
            if ((present & (1L << slot)) != 0)
            {
                throw new CommandJsonException("DUPLICATE_FIELD", "field '" + name + "' appears twice", path(index, name));
            }
            present |= 1L << slot;
            final JsonToken value = p.nextToken();
            if (slot == TYPE_SLOT)
            {
                type = readType(p, value, index);
            }
            else if (slot == CMD_ID_SLOT)
            {
                values[slot] = readLong(p, value, index, CMD_ID, Long.MIN_VALUE, Long.MAX_VALUE);
            }
            else
            {
                final CommandField field = FIELDS[slot - 2];
                if (field == CommandField.MAP)
                {
                    mapName = readMapName(p, value, index);
                }
                else if (field == CommandField.DIR)
                {
                    values[slot] = readDirection(p, value, index);
                }
                else
                {
                    values[slot] = readLong(p, value, index, field.wireName(), field.min(), field.max());
                }
            }
        }
        if (type == null)
        {
            throw new CommandJsonException("MISSING_FIELD", "field 'type' is required", path(index, TYPE));
        }
        if ((present & (1L << CMD_ID_SLOT)) == 0)
        {
            throw new CommandJsonException("MISSING_FIELD", "field 'cmdId' is required", path(index, CMD_ID));
        }
        if (type != CommandType.TICK && values[CMD_ID_SLOT] < 0)
        {
            // Ticks own the negative range (the service's clock counts down from -1); the handler refuses
            // such a command too (NEGATIVE_CMD_ID), this only says so before it is journaled.
            throw new CommandJsonException("OUT_OF_RANGE", "cmdId must be 0.." + Long.MAX_VALUE
                + " (negative cmdIds are reserved for ticks)", path(index, CMD_ID));
        }
        long expected = (1L << TYPE_SLOT) | (1L << CMD_ID_SLOT);
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            final long bit = 1L << (2 + field.ordinal());
            if ((present & bit) == 0)
            {
                throw new CommandJsonException("MISSING_FIELD", type.wireName() + " needs field '" + field.wireName() + "'",
                    path(index, field.wireName()));
            }
            expected |= bit;
        }
        final long extra = present & ~expected;
        if (extra != 0)
        {
            final CommandField field = FIELDS[Long.numberOfTrailingZeros(extra) - 2];
            throw new CommandJsonException("UNKNOWN_FIELD", "'" + field.wireName() + "' is not a field of " + type.wireName(),
                path(index, field.wireName()));
        }
        fill(into, type);
    }

    private void fill(final CommandEvent into, final CommandType type)
    {
        into.type = type;
        into.cmdId = values[CMD_ID_SLOT];
        into.query = Query.NONE;
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            if (field == CommandField.MAP)
            {
                into.mapName(mapName);
            }
            else
            {
                field.set(into, values[2 + field.ordinal()]);
            }
        }
    }

    private CommandType readType(final JsonParser p, final JsonToken value, final int index)
        throws IOException, CommandJsonException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(TYPE, "a string naming the command", index, value);
        }
        final String name = p.getText();
        final CommandType type = CommandType.fromWireName(name);
        if (type == null)
        {
            throw new CommandJsonException("UNKNOWN_TYPE", "unknown command type '" + JsonText.clip(name) + "'", path(index, TYPE));
        }
        if (type == CommandType.TICK && !allowTick)
        {
            throw new CommandJsonException("TYPE_NOT_ALLOWED", "tick is posted by the service's clock, not by clients",
                path(index, TYPE));
        }
        return type;
    }

    private static long readLong(final JsonParser p, final JsonToken value, final int index, final String name,
        final long min, final long max) throws IOException, CommandJsonException
    {
        if (value != JsonToken.VALUE_NUMBER_INT)
        {
            throw wrongType(name, "an integer", index, value);
        }
        // Checked before reading the value: a number past 64 bits must be refused, never wrapped.
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
        {
            throw outOfRange(name, min, max, index);
        }
        final long v = p.getLongValue();
        if (v < min || v > max)
        {
            throw outOfRange(name, min, max, index);
        }
        return v;
    }

    private static long readDirection(final JsonParser p, final JsonToken value, final int index)
        throws IOException, CommandJsonException
    {
        final String name = CommandField.DIR.wireName();
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(name, "a direction name (N NE E SE S SW W NW)", index, value);
        }
        final Direction dir = Direction.fromName(p.getText());
        if (dir == null)
        {
            throw new CommandJsonException("OUT_OF_RANGE", "dir must be one of N NE E SE S SW W NW, got '"
                + JsonText.clip(p.getText()) + "'", path(index, name));
        }
        return dir.id();
    }

    private static String readMapName(final JsonParser p, final JsonToken value, final int index)
        throws IOException, CommandJsonException
    {
        final String name = CommandField.MAP.wireName();
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(name, "a string", index, value);
        }
        final String text = p.getText();
        if (text.isEmpty() || text.length() > CommandEvent.MAX_MAP_NAME_LENGTH)
        {
            throw new CommandJsonException("OUT_OF_RANGE", "map must be 1 to " + CommandEvent.MAX_MAP_NAME_LENGTH
                + " characters long", path(index, name));
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e)
            {
                throw new CommandJsonException("OUT_OF_RANGE", "map must be printable ASCII without spaces",
                    path(index, name));
            }
        }
        return text;
    }

    private static CommandJsonException wrongType(final String name, final String wanted, final int index, final JsonToken got)
    {
        return new CommandJsonException("WRONG_TYPE", name + " must be " + wanted + ", got " + describe(got),
            path(index, name));
    }

    private static CommandJsonException outOfRange(final String name, final long min, final long max, final int index)
    {
        return new CommandJsonException("OUT_OF_RANGE", name + " must be between " + min + " and " + max,
            path(index, name));
    }

    private static String describe(final JsonToken token)
    {
        switch (token)
        {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: return "an integer";
            case VALUE_NUMBER_FLOAT: return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return token.toString();
        }
    }

    /** Jackson's message without its source excerpt, plus where: enough to find the mistake. */
    private static String describe(final JsonProcessingException ex, final JsonLocation fallback)
    {
        final String message = ex.getOriginalMessage();
        String first = message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON");
        // Jackson names its (redacted) source in some messages; the location below says it better.
        final int source = first.indexOf(" (start marker at");
        if (source > 0)
        {
            first = first.substring(0, source);
        }
        if (first.length() > 200)
        {
            first = first.substring(0, 197) + "...";
        }
        final JsonLocation at = ex.getLocation() != null ? ex.getLocation() : fallback;
        return at == null ? first : first + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String path(final int index, final String name)
    {
        final String field = JsonText.clip(name);
        return index < 0 ? field : "[" + index + "]." + field;
    }
}
