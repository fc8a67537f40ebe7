package io.hytrix.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.Query;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a request body (one command object or an array of them) into validated {@link CommandEvent}
 * templates. Everything it knows about commands comes from {@link CommandType} and {@link CommandField},
 * the engine's single schema, so a new field or command needs no change here. The whole body is
 * validated before anything is published: a request is taken whole or refused whole, and a refused
 * one never reaches the journal.
 */
final class CommandJsonParser
{
    static final String TYPE = "type";
    static final String CMD_ID = "cmdId";

    private static final JsonFactory JSON = JsonFactory.builder()
        // The body limit bounds everything anyway; these keep a hostile body from costing more than its size.
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build())
        .build();

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
    private final long[] values = new long[2 + FIELDS.length];
    private String mapName;

    /** @param maxCommands the most commands one request may carry (never more than the ring holds). */
    CommandJsonParser(final int maxCommands)
    {
        this.maxCommands = maxCommands;
    }

    /** Fills {@code batch} from {@code body} or throws the error to answer with. */
    void parse(final ByteBuf body, final CommandBatch batch) throws GatewayError
    {
        batch.clear();
        try (JsonParser p = JSON.createParser((java.io.InputStream)new ByteBufInputStream(body.duplicate())))
        {
            final JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT)
            {
                parseObject(p, batch.add(), -1);
            }
            else if (first == JsonToken.START_ARRAY)
            {
                batch.array = true;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken())
                {
                    final int index = batch.size();
                    if (t != JsonToken.START_OBJECT)
                    {
                        throw GatewayError.badRequest("INVALID_BODY", "each element of the array must be a command object",
                            "[" + index + "]");
                    }
                    if (index == maxCommands)
                    {
                        throw new GatewayError(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "TOO_MANY_COMMANDS",
                            "a request may carry at most " + maxCommands + " commands", null);
                    }
                    parseObject(p, batch.add(), index);
                }
                if (batch.size() == 0)
                {
                    throw GatewayError.badRequest("INVALID_BODY", "the array holds no command", null);
                }
            }
            else if (first == null)
            {
                throw GatewayError.badRequest("INVALID_BODY", "the body is empty; send a command object or an array of them", null);
            }
            else
            {
                throw GatewayError.badRequest("INVALID_BODY", "the body must be a command object or an array of them", null);
            }
            if (p.nextToken() != null)
            {
                throw GatewayError.badRequest("MALFORMED_JSON", "unexpected content after the JSON value", null);
            }
        }
        catch (final JsonProcessingException ex)
        {
            throw GatewayError.badRequest("MALFORMED_JSON", describe(ex), null);
        }
        catch (final IOException ex)
        {
            throw GatewayError.badRequest("MALFORMED_JSON", "unreadable body: " + ex.getMessage(), null);
        }
    }

    private void parseObject(final JsonParser p, final CommandEvent into, final int index) throws IOException, GatewayError
    {
        long present = 0;
        CommandType type = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken())
        {
            final String name = p.currentName();
            final Integer slotBox = SLOTS.get(name);
            if (slotBox == null)
            {
                throw GatewayError.badRequest("UNKNOWN_FIELD", "unknown field '" + Json.clip(name) + "'", path(index, name));
            }
            final int slot = slotBox;
            if ((present & (1L << slot)) != 0)
            {
                throw GatewayError.badRequest("DUPLICATE_FIELD", "field '" + name + "' appears twice", path(index, name));
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
            throw GatewayError.badRequest("MISSING_FIELD", "field 'type' is required", path(index, TYPE));
        }
        if ((present & (1L << CMD_ID_SLOT)) == 0)
        {
            throw GatewayError.badRequest("MISSING_FIELD", "field 'cmdId' is required", path(index, CMD_ID));
        }
        long expected = (1L << TYPE_SLOT) | (1L << CMD_ID_SLOT);
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            final long bit = 1L << (2 + field.ordinal());
            if ((present & bit) == 0)
            {
                throw GatewayError.badRequest("MISSING_FIELD", type.wireName() + " needs field '" + field.wireName() + "'",
                    path(index, field.wireName()));
            }
            expected |= bit;
        }
        final long extra = present & ~expected;
        if (extra != 0)
        {
            final CommandField field = FIELDS[Long.numberOfTrailingZeros(extra) - 2];
            throw GatewayError.badRequest("UNKNOWN_FIELD", "'" + field.wireName() + "' is not a field of " + type.wireName(),
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

    private static CommandType readType(final JsonParser p, final JsonToken value, final int index)
        throws IOException, GatewayError
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(TYPE, "a string naming the command", index, value);
        }
        final String name = p.getText();
        final CommandType type = CommandType.fromWireName(name);
        if (type == null)
        {
            throw GatewayError.badRequest("UNKNOWN_TYPE", "unknown command type '" + Json.clip(name) + "'", path(index, TYPE));
        }
        if (type == CommandType.TICK)
        {
            // Time exists only as the service's own ticks (SPEC §2): a client cannot advance it.
            throw GatewayError.badRequest("TYPE_NOT_ALLOWED", "tick is posted by the service's clock, not by clients",
                path(index, TYPE));
        }
        return type;
    }

    private static long readLong(final JsonParser p, final JsonToken value, final int index, final String name,
        final long min, final long max) throws IOException, GatewayError
    {
        if (value != JsonToken.VALUE_NUMBER_INT)
        {
            throw wrongType(name, "an integer", index, value);
        }
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
        throws IOException, GatewayError
    {
        final String name = CommandField.DIR.wireName();
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(name, "a direction name (N NE E SE S SW W NW)", index, value);
        }
        final Direction dir = Direction.fromName(p.getText());
        if (dir == null)
        {
            throw GatewayError.badRequest("OUT_OF_RANGE", "dir must be one of N NE E SE S SW W NW, got '"
                + Json.clip(p.getText()) + "'", path(index, name));
        }
        return dir.id();
    }

    private static String readMapName(final JsonParser p, final JsonToken value, final int index)
        throws IOException, GatewayError
    {
        final String name = CommandField.MAP.wireName();
        if (value != JsonToken.VALUE_STRING)
        {
            throw wrongType(name, "a string", index, value);
        }
        final String text = p.getText();
        if (text.isEmpty() || text.length() > CommandEvent.MAX_MAP_NAME_LENGTH)
        {
            throw GatewayError.badRequest("OUT_OF_RANGE", "map must be 1 to " + CommandEvent.MAX_MAP_NAME_LENGTH
                + " characters long", path(index, name));
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e)
            {
                throw GatewayError.badRequest("OUT_OF_RANGE", "map must be printable ASCII without spaces",
                    path(index, name));
            }
        }
        return text;
    }

    private static GatewayError wrongType(final String name, final String wanted, final int index, final JsonToken got)
    {
        return GatewayError.badRequest("WRONG_TYPE", name + " must be " + wanted + ", got " + describe(got),
            path(index, name));
    }

    private static GatewayError outOfRange(final String name, final long min, final long max, final int index)
    {
        return GatewayError.badRequest("OUT_OF_RANGE", name + " must be between " + min + " and " + max,
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
    private static String describe(final JsonProcessingException ex)
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
        return ex.getLocation() == null ? first
            : first + " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
    }

    private static String path(final int index, final String name)
    {
        final String field = Json.clip(name);
        return index < 0 ? field : "[" + index + "]." + field;
    }
}
