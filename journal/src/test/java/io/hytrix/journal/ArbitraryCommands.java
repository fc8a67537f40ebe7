package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * Commands of every type with every field anywhere in its legal range (jqwik favours the ends of each
 * range), built from the {@link CommandType} table so a new type or field is generated without a change
 * here. The valid inputs that the decoders' properties start from; shared with the replay tests.
 */
public final class ArbitraryCommands
{
    private ArbitraryCommands()
    {
    }

    /** Any journalable command: each numeric field within its range, a map name of 0 to 64 printable ASCII bytes. */
    public static Arbitrary<CommandEvent> any()
    {
        return Arbitraries.of(CommandType.class).flatMap(ArbitraryCommands::of);
    }

    /** Any journalable command of {@code type}. */
    public static Arbitrary<CommandEvent> of(final CommandType type)
    {
        final List<Arbitrary<Long>> numbers = new ArrayList<>();
        numbers.add(Arbitraries.longs());
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            numbers.add(field.isNumeric() ? Arbitraries.longs().between(field.min(), field.max()) : Arbitraries.just(0L));
        }
        final Arbitrary<String> mapNames = Arbitraries.strings().withCharRange((char)0x21, (char)0x7e)
            .ofMaxLength(CommandEvent.MAX_MAP_NAME_LENGTH);
        return Combinators.combine(Combinators.combine(numbers).as(values -> values), mapNames).as((values, map) ->
        {
            final CommandEvent cmd = new CommandEvent();
            cmd.type = type;
            cmd.cmdId = values.get(0);
            for (int i = 0; i < type.fieldCount(); i++)
            {
                final CommandField field = type.field(i);
                if (field.isNumeric())
                {
                    field.set(cmd, values.get(1 + i));
                }
                else
                {
                    cmd.mapName(map);
                }
            }
            return cmd;
        });
    }
}
