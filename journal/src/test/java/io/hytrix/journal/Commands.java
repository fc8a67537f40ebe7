package io.hytrix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;

/** Test commands built generically from the {@link CommandType} table, so new types are covered automatically. */
final class Commands
{
    /** 64 printable characters: the longest legal map name, using both ends of the allowed range. */
    static final String LONGEST_MAP = "!" + "x".repeat(CommandEvent.MAX_MAP_NAME_LENGTH - 2) + "~";

    private Commands()
    {
    }

    /** Every field of {@code type} at its maximum (or minimum), cmdId at Long.MAX_VALUE (or MIN_VALUE). */
    static CommandEvent extreme(final CommandType type, final boolean max)
    {
        final CommandEvent cmd = new CommandEvent();
        cmd.type = type;
        cmd.cmdId = max ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            if (field.isNumeric())
            {
                field.set(cmd, max ? field.max() : field.min());
            }
            else
            {
                cmd.mapName(max ? LONGEST_MAP : "");
            }
        }
        return cmd;
    }

    /** A small, varied command for index {@code i}, cycling through every type. */
    static CommandEvent sample(final long i)
    {
        final CommandEvent cmd = new CommandEvent();
        switch ((int)(i % 9))
        {
            case 0: return cmd.createHunt(i, i + 1, "map-" + i, i * 31, 5, 1000, 8);
            case 1: return cmd.joinHunt(i, i + 1, -i);
            case 2: return cmd.travel(i, i, (int)i, -(int)i);
            case 3: return cmd.move(i, i, Direction.fromId((int)(i % 8)));
            case 4: return cmd.dig(i, i);
            case 5: return cmd.useItem(i, i, (int)(i % 256));
            case 6: return cmd.leaveHunt(i, i);
            case 7: return cmd.endHunt(i, i);
            default: return cmd.tick(i);
        }
    }

    static int expectedLength(final CommandEvent cmd)
    {
        int length = JournalCodec.HEADER_LENGTH;
        for (int i = 0; i < cmd.type.fieldCount(); i++)
        {
            final int width = cmd.type.field(i).width();
            length += width < 0 ? 1 + cmd.mapNameLength : width;
        }
        return length;
    }

    /** Asserts the journaled fields are equal: type, cmdId and every field the type carries. */
    static void assertSameCommand(final CommandEvent actual, final CommandEvent expected)
    {
        assertThat(actual.type).isEqualTo(expected.type);
        assertThat(actual.cmdId).as("cmdId").isEqualTo(expected.cmdId);
        for (int i = 0; i < expected.type.fieldCount(); i++)
        {
            final CommandField field = expected.type.field(i);
            if (field.isNumeric())
            {
                assertThat(field.get(actual)).as(field.wireName()).isEqualTo(field.get(expected));
            }
            else
            {
                assertThat(actual.mapNameString()).as("map").isEqualTo(expected.mapNameString());
            }
        }
    }
}
