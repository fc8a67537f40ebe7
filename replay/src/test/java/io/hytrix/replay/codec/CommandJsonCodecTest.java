package io.hytrix.replay.codec;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command JSON writer and reader on their own: what one writes the other reads back, and every refusal. */
class CommandJsonCodecTest
{
    private final CommandJsonReader reader = new CommandJsonReader(100, false);
    private final Batch batch = new Batch();

    /** A growing list of templates, as a gateway's per-thread batch is. */
    static final class Batch implements CommandJsonReader.Batch
    {
        final List<CommandEvent> commands = new ArrayList<>();
        int size;
        boolean array;

        @Override
        public void clear()
        {
            size = 0;
            array = false;
        }

        @Override
        public CommandEvent add()
        {
            if (size == commands.size())
            {
                commands.add(new CommandEvent());
            }
            return commands.get(size++);
        }

        @Override
        public int size()
        {
            return size;
        }

        @Override
        public void markArray()
        {
            array = true;
        }
    }

    /** One command of each type, every field at an edge of its range. */
    private static List<CommandEvent> everyType(final boolean low)
    {
        final List<CommandEvent> all = new ArrayList<>();
        for (final CommandType type : CommandType.values())
        {
            final CommandEvent cmd = new CommandEvent();
            cmd.type = type;
            // Negative cmdIds belong to the clock's ticks; clients' commands start at 0.
            cmd.cmdId = low ? (type == CommandType.TICK ? Long.MIN_VALUE : 0) : Long.MAX_VALUE;
            for (int i = 0; i < type.fieldCount(); i++)
            {
                final CommandField field = type.field(i);
                if (field == CommandField.MAP)
                {
                    cmd.mapName(low ? "m" : "x".repeat(CommandEvent.MAX_MAP_NAME_LENGTH - 2) + "\\\"");
                }
                else
                {
                    field.set(cmd, low ? field.min() : field.max());
                }
            }
            all.add(cmd);
        }
        return all;
    }

    private void read(final String json) throws CommandJsonException
    {
        reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), batch);
    }

    private CommandJsonException refusal(final String json)
    {
        try
        {
            read(json);
        }
        catch (final CommandJsonException ex)
        {
            return ex;
        }
        throw new AssertionError("accepted: " + json);
    }

    private void refused(final String json, final String code, final String field)
    {
        final CommandJsonException ex = refusal(json);
        assertThat(ex.code()).as(json + " -> " + ex.getMessage()).isEqualTo(code);
        assertThat(ex.field()).as(json + " -> " + ex.getMessage()).isEqualTo(field);
        assertThat(ex.getMessage()).isNotBlank();
    }

    @Test
    void writesTheShapeTheGatewayTakes()
    {
        assertThat(CommandJsonWriter.toJson(new CommandEvent().travel(7, 3, 10, 4)))
            .isEqualTo("{\"type\":\"travel\",\"cmdId\":7,\"actorId\":3,\"x\":10,\"y\":4}");
        assertThat(CommandJsonWriter.toJson(new CommandEvent().move(1, -2, Direction.NW)))
            .isEqualTo("{\"type\":\"move\",\"cmdId\":1,\"actorId\":-2,\"dir\":\"NW\"}");
        assertThat(CommandJsonWriter.toJson(new CommandEvent().createHunt(1, 2, "forest-01", 3, 4, 5, 6)))
            .isEqualTo("{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":2,\"map\":\"forest-01\",\"seed\":3,\"treasures\":4,"
                + "\"durationTicks\":5,\"maxActors\":6}");
        assertThat(CommandJsonWriter.toJson(new CommandEvent().tick(9))).isEqualTo("{\"type\":\"tick\",\"cmdId\":9}");
    }

    @Test
    void everyCommandTypeRoundTripsAtBothEndsOfEveryRange() throws Exception
    {
        final CommandJsonReader withTicks = new CommandJsonReader(100, true);
        for (final boolean low : new boolean[] { true, false })
        {
            for (final CommandEvent cmd : everyType(low))
            {
                final String json = CommandJsonWriter.toJson(cmd);
                withTicks.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)), batch);
                assertThat(batch.size()).isEqualTo(1);
                assertThat(batch.array).isFalse();
                assertThat(batch.commands.get(0).toString()).as(json).isEqualTo(cmd.toString());
                assertThat(CommandJsonWriter.toJson(batch.commands.get(0))).isEqualTo(json);
            }
        }
    }

    @Test
    void aBatchRoundTripsInOrder() throws Exception
    {
        final List<CommandEvent> all = everyType(false);
        all.removeIf(c -> c.type == CommandType.TICK);
        final StringBuilder json = new StringBuilder("[");
        for (final CommandEvent cmd : all)
        {
            json.append(json.length() == 1 ? "" : ",").append(CommandJsonWriter.toJson(cmd));
        }
        read(json.append(']').toString());
        assertThat(batch.array).isTrue();
        assertThat(batch.size()).isEqualTo(all.size());
        for (int i = 0; i < all.size(); i++)
        {
            assertThat(batch.commands.get(i).toString()).isEqualTo(all.get(i).toString());
        }
        // A reused batch starts empty: the next body replaces the last one.
        read(CommandJsonWriter.toJson(new CommandEvent().dig(5, 6)));
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.array).isFalse();
    }

    @Test
    void everyNumericFieldRefusesValuesOutsideItsRange()
    {
        for (final CommandType type : CommandType.values())
        {
            if (type == CommandType.TICK)
            {
                continue;
            }
            for (int i = 0; i < type.fieldCount(); i++)
            {
                final CommandField field = type.field(i);
                if (!field.isNumeric() || field == CommandField.DIR)
                {
                    continue;
                }
                final String below = field.min() == Long.MIN_VALUE ? "-9223372036854775809" : Long.toString(field.min() - 1);
                final String above = field.max() == Long.MAX_VALUE ? "9223372036854775808" : Long.toString(field.max() + 1);
                for (final String bad : new String[] { below, above })
                {
                    final String json = withValue(type, field, bad);
                    refused(json, "OUT_OF_RANGE", field.wireName());
                    assertThat(refusal(json).getMessage())
                        .isEqualTo(field.wireName() + " must be between " + field.min() + " and " + field.max());
                }
                refused(withValue(type, field, "1.5"), "WRONG_TYPE", field.wireName());
                refused(withValue(type, field, "\"1\""), "WRONG_TYPE", field.wireName());
                refused(withValue(type, field, "null"), "WRONG_TYPE", field.wireName());
                refused(withValue(type, field, "true"), "WRONG_TYPE", field.wireName());
            }
        }
        refused("{\"type\":\"dig\",\"cmdId\":18446744073709551616,\"actorId\":1}", "OUT_OF_RANGE", "cmdId");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":-99999999999999999999999}", "OUT_OF_RANGE", "actorId");
    }

    @Test
    void numbersTooLongToParseCheaplyAreRefusedAsMalformed()
    {
        final CommandJsonException ex = refusal("{\"type\":\"dig\",\"cmdId\":1" + "0".repeat(100) + ",\"actorId\":1}");
        assertThat(ex.code()).isEqualTo("MALFORMED_JSON");
        assertThat(ex.getMessage()).contains("line 1");
    }

    @Test
    void directionsAndMapNamesAreChecked()
    {
        refused("{\"type\":\"move\",\"cmdId\":1,\"actorId\":1,\"dir\":\"UP\"}", "OUT_OF_RANGE", "dir");
        refused("{\"type\":\"move\",\"cmdId\":1,\"actorId\":1,\"dir\":2}", "WRONG_TYPE", "dir");
        final String hunt = "{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":1,\"seed\":1,\"treasures\":1,\"durationTicks\":5,"
            + "\"maxActors\":5,\"map\":";
        refused(hunt + "\"\"}", "OUT_OF_RANGE", "map");
        refused(hunt + "\"" + "m".repeat(CommandEvent.MAX_MAP_NAME_LENGTH + 1) + "\"}", "OUT_OF_RANGE", "map");
        refused(hunt + "\"a b\"}", "OUT_OF_RANGE", "map");
        refused(hunt + "\"caf\u00e9\"}", "OUT_OF_RANGE", "map");
        refused(hunt + "7}", "WRONG_TYPE", "map");
    }

    @Test
    void missingUnknownAndRepeatedFieldsAreRefusedByName()
    {
        refused("{\"cmdId\":1,\"actorId\":1}", "MISSING_FIELD", "type");
        refused("{\"type\":\"dig\",\"actorId\":1}", "MISSING_FIELD", "cmdId");
        refused("{\"type\":\"travel\",\"cmdId\":1,\"actorId\":1,\"x\":1}", "MISSING_FIELD", "y");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"x\":3}", "UNKNOWN_FIELD", "x");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"color\":\"red\"}", "UNKNOWN_FIELD", "color");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"" + "k".repeat(500) + "\":1}", "UNKNOWN_FIELD",
            "k".repeat(JsonText.CLIP - 3) + "...");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"actorId\":2}", "DUPLICATE_FIELD", "actorId");
        refused("{\"type\":\"fly\",\"cmdId\":1}", "UNKNOWN_TYPE", "type");
        refused("{\"type\":7,\"cmdId\":1}", "WRONG_TYPE", "type");
        refused("{\"type\":\"tick\",\"cmdId\":1}", "TYPE_NOT_ALLOWED", "type");
    }

    @Test
    void malformedJsonIsRefusedWithWhereItWentWrong()
    {
        for (final String bad : new String[] { "not json", "{\"type\":\"dig\",", "{\"type\" \"dig\"}", "[{}", "{\"a\":1}}",
            "{\"type\":\"dig\",\"cmdId\":01,\"actorId\":1}", "\u00ff\u00fe{" })
        {
            final CommandJsonException ex = refusal(bad);
            assertThat(ex.code()).as(bad + " -> " + ex.getMessage()).isIn("MALFORMED_JSON", "MISSING_FIELD", "UNKNOWN_FIELD");
            if (ex.code().equals("MALFORMED_JSON"))
            {
                assertThat(ex.getMessage()).as(bad).containsPattern("line \\d+, column \\d+|after the JSON value");
            }
        }
        assertThat(refusal("not json").code()).isEqualTo("MALFORMED_JSON");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1} {}", "MALFORMED_JSON", null);
        refused("[[[", "INVALID_BODY", "[0]");
        refused("[" + "[".repeat(200), "INVALID_BODY", "[0]");
        refused("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":" + "[".repeat(200), "WRONG_TYPE", "actorId");
    }

    @Test
    void bodiesThatAreNotCommandsOrTooManyAreRefused()
    {
        refused("", "INVALID_BODY", null);
        refused("[]", "INVALID_BODY", null);
        refused("\"dig\"", "INVALID_BODY", null);
        refused("[1]", "INVALID_BODY", "[0]");
        refused("[{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1},{\"type\":\"dig\",\"actorId\":1}]", "MISSING_FIELD", "[1].cmdId");
        refused("[{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1},{\"type\":\"dig\",\"cmdId\":2,\"actorId\":1,\"x\":1}]",
            "UNKNOWN_FIELD", "[1].x");
        final StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 100; i++)
        {
            many.append(i == 0 ? "" : ",").append(CommandJsonWriter.toJson(new CommandEvent().dig(i, 1)));
        }
        refused(many.append(']').toString(), "TOO_MANY_COMMANDS", null);
    }

    /** A valid command of {@code type} with {@code field}'s value replaced by {@code value} (raw JSON). */
    private static String withValue(final CommandType type, final CommandField field, final String value)
    {
        final StringBuilder json = new StringBuilder("{\"type\":\"").append(type.wireName()).append("\",\"cmdId\":1");
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField f = type.field(i);
            final String v = f == field ? value : f == CommandField.MAP ? "\"plaza\"" : f == CommandField.DIR ? "\"N\"" : "1";
            json.append(",\"").append(f.wireName()).append("\":").append(v);
        }
        return json.append('}').toString();
    }
}
