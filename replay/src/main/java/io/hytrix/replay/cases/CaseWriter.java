package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandText;

import java.util.List;
import java.util.Map;

/** Writes a rule case as YAML that reads back through {@link CaseFile}: one flow map per line. */
public final class CaseWriter
{
    private CaseWriter()
    {
    }

    /**
     * @param origins the journal index each given command came from (same length as given), or null
     */
    public static String write(final String name, final List<CommandEvent> given, final List<Long> origins,
        final int from, final List<Map<String, Object>> expect, final String stateHash)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(CommandText.quoted(name)).append('\n');
        sb.append("given:\n");
        for (int i = 0; i < given.size(); i++)
        {
            sb.append("  - ").append(command(given.get(i), origins == null ? null : origins.get(i))).append('\n');
        }
        sb.append("from: ").append(from).append('\n');
        sb.append("expect:\n");
        for (final Map<String, Object> entry : expect)
        {
            sb.append("  - ").append(flow(entry)).append('\n');
        }
        if (stateHash != null)
        {
            sb.append("stateHash: \"").append(stateHash).append("\"\n");
        }
        return sb.toString();
    }

    /** One given command as a flow map, from the engine's text codec; the map name quoted. */
    static String command(final CommandEvent cmd, final Long origin)
    {
        final StringBuilder sb = CommandText.yaml(new StringBuilder("{"), cmd, ", ", true);
        if (origin != null)
        {
            sb.append(", journalIndex: ").append(origin);
        }
        return sb.append('}').toString();
    }

    static String flow(final Map<String, Object> entry)
    {
        final StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (final Map.Entry<String, Object> e : entry.entrySet())
        {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue());
            sep = ", ";
        }
        return sb.append('}').toString();
    }

}
