package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;

/** Prints journal entries as YAML documents or JSON lines, field names from the one command schema. */
public enum CommandFormat
{
    YAML, JSON;

    public static CommandFormat parse(final String text)
    {
        for (final CommandFormat format : values())
        {
            if (format.name().equalsIgnoreCase(text))
            {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (yaml, json)");
    }

    public String format(final CommandEvent cmd)
    {
        final StringBuilder sb = new StringBuilder(128);
        if (this == YAML)
        {
            sb.append("- index: ").append(cmd.journalIndex).append('\n')
                .append("  type: ").append(cmd.type.wireName()).append('\n')
                .append("  cmdId: ").append(cmd.cmdId).append('\n');
            for (int i = 0; i < cmd.type.fieldCount(); i++)
            {
                final CommandField field = cmd.type.field(i);
                sb.append("  ").append(field.wireName()).append(": ").append(field.format(cmd)).append('\n');
            }
            sb.setLength(sb.length() - 1);
        }
        else
        {
            sb.append("{\"index\":").append(cmd.journalIndex).append(",\"type\":\"").append(cmd.type.wireName())
                .append("\",\"cmdId\":").append(cmd.cmdId);
            for (int i = 0; i < cmd.type.fieldCount(); i++)
            {
                final CommandField field = cmd.type.field(i);
                sb.append(",\"").append(field.wireName()).append("\":");
                final boolean quoted = !field.isNumeric() || field == CommandField.DIR;
                if (quoted)
                {
                    sb.append('"').append(field.format(cmd).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                else
                {
                    sb.append(field.format(cmd));
                }
            }
            sb.append('}');
        }
        return sb.toString();
    }
}
