package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandText;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule case YAML, the counterpart of {@link CaseWriter} (whose commands are the engine's
 * {@link CommandText} YAML form). Commands use the same field names as the journal dump and the
 * gateway (from {@link CommandType}/{@link CommandField}); unknown keys are errors, so a typo never passes
 * silently. Loaded with SnakeYAML's SafeConstructor: plain maps, lists and scalars only.
 */
public final class CaseFile
{
    private static final Set<String> TOP_LEVEL = Set.of("name", "given", "from", "expect", "stateHash");
    /** Keys a given entry may carry besides its command fields: where an extracted command came from. */
    private static final Set<String> PROVENANCE = Set.of("journalIndex");
    /** Longest scalar echoed in a message; a name longer than this is no field, type or direction anyway. */
    private static final int MAX_TEXT = 200;

    private CaseFile()
    {
    }

    public static RuleCase read(final Path file)
    {
        final Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (final IOException ex)
        {
            throw new CaseFormatException("cannot read " + file + ": " + ex.getMessage());
        }
        catch (final YAMLException ex)
        {
            throw new CaseFormatException(file + ": not valid YAML: " + String.valueOf(ex.getMessage()).replace('\n', ' '));
        }
        catch (final RuntimeException ex)
        {
            // SnakeYAML's safe constructors throw their own exceptions on some tag misuse: "!!map 3" is a
            // ClassCastException. Still a file that is not YAML of plain maps, lists and scalars.
            throw new CaseFormatException(file + ": not valid YAML: " + ex.getClass().getSimpleName() + ": "
                + String.valueOf(ex.getMessage()).replace('\n', ' '));
        }
        return parse(file.toString(), root);
    }

    static RuleCase parse(final String source, final Object root)
    {
        if (!(root instanceof Map))
        {
            throw new CaseFormatException(source + ": expected a map with 'given' and 'expect'");
        }
        final Map<?, ?> top = (Map<?, ?>)root;
        for (final Object key : top.keySet())
        {
            if (!TOP_LEVEL.contains(text(key)))
            {
                throw new CaseFormatException(source + ": unknown key '" + text(key) + "' (name, given, from, expect, stateHash)");
            }
        }
        final List<CommandEvent> given = new ArrayList<>();
        final List<?> givenList = list(source, top, "given");
        for (int i = 0; i < givenList.size(); i++)
        {
            given.add(command(source + ": given[" + i + "]", givenList.get(i)));
        }
        final List<Map<String, Object>> expect = new ArrayList<>();
        final List<?> expectList = list(source, top, "expect");
        for (int i = 0; i < expectList.size(); i++)
        {
            if (!(expectList.get(i) instanceof Map))
            {
                throw new CaseFormatException(source + ": expect[" + i + "] must be a map");
            }
            final Map<String, Object> entry = new LinkedHashMap<>();
            ((Map<?, ?>)expectList.get(i)).forEach((k, v) -> entry.put(text(k), v));
            expect.add(entry);
        }
        final Object from = top.get("from");
        if (from != null && !(from instanceof Integer))
        {
            throw new CaseFormatException(source + ": 'from' must be a whole number");
        }
        final Object hash = top.get("stateHash");
        final Object name = top.get("name");
        return new RuleCase(name == null ? source : text(name), given, from == null ? 0 : (Integer)from,
            expect, hash == null ? null : text(hash));
    }

    private static List<?> list(final String source, final Map<?, ?> top, final String key)
    {
        final Object value = top.get(key);
        if (value == null)
        {
            return List.of();
        }
        if (!(value instanceof List))
        {
            throw new CaseFormatException(source + ": '" + key + "' must be a list");
        }
        return (List<?>)value;
    }

    /** One command from its map form, e.g. {@code {type: travel, cmdId: 3, actorId: 7, x: 4, y: 9}}. */
    public static CommandEvent command(final String where, final Object entry)
    {
        if (!(entry instanceof Map))
        {
            throw new CaseFormatException(where + ": a command is a map with 'type' and 'cmdId'");
        }
        final Map<?, ?> map = (Map<?, ?>)entry;
        final CommandType type = CommandType.fromWireName(text(map.get(CommandText.TYPE)));
        if (type == null)
        {
            throw new CaseFormatException(where + ": unknown command type '" + text(map.get(CommandText.TYPE)) + "'");
        }
        final CommandEvent cmd = new CommandEvent();
        cmd.tick(number(where, map, CommandText.CMD_ID, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.type = type;
        final Set<String> allowed = new HashSet<>(Set.of(CommandText.TYPE, CommandText.CMD_ID));
        allowed.addAll(PROVENANCE);
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            allowed.add(field.wireName());
            if (field == CommandField.MAP)
            {
                final Object name = require(where, map, field.wireName());
                try
                {
                    cmd.mapName(text(name));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new CaseFormatException(where + ": " + ex.getMessage());
                }
            }
            else if (field == CommandField.DIR)
            {
                final Direction dir = Direction.fromName(text(require(where, map, field.wireName())));
                if (dir == null)
                {
                    throw new CaseFormatException(where + ": dir must be one of N NE E SE S SW W NW");
                }
                cmd.dir = dir;
            }
            else
            {
                field.set(cmd, number(where, map, field.wireName(), field.min(), field.max()));
            }
        }
        for (final Object key : map.keySet())
        {
            if (!allowed.contains(text(key)))
            {
                throw new CaseFormatException(where + ": " + type.wireName() + " has no field '" + text(key) + "'");
            }
        }
        return cmd;
    }

    /**
     * A YAML value as text for a lookup or a message: a scalar as itself, cut at {@link #MAX_TEXT}
     * characters; a list or map by its kind alone. Never a collection's toString: through anchors a
     * list may contain itself via a map (endless recursion), or 49 aliases may make 2^24 elements
     * (hundreds of megabytes of text).
     */
    static String text(final Object value)
    {
        if (value instanceof Map)
        {
            return "a map";
        }
        if (value instanceof Collection)
        {
            return "a list";
        }
        final String text = String.valueOf(value);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }

    private static Object require(final String where, final Map<?, ?> map, final String key)
    {
        final Object value = map.get(key);
        if (value == null)
        {
            throw new CaseFormatException(where + ": missing field '" + key + "'");
        }
        return value;
    }

    private static long number(final String where, final Map<?, ?> map, final String key, final long min, final long max)
    {
        final Object value = require(where, map, key);
        if (!(value instanceof Integer || value instanceof Long))
        {
            throw new CaseFormatException(where + ": '" + key + "' must be a whole number, got '" + text(value) + "'");
        }
        final long n = ((Number)value).longValue();
        if (n < min || n > max)
        {
            throw new CaseFormatException(where + ": '" + key + "' must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }
}
