package io.hytrix.bench.loadgen;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;

/**
 * Writes a command as the JSON object {@code POST /v1/commands} takes, from the engine's schema
 * tables ({@link CommandType}, {@link CommandField}), e.g.
 * {@code {"type":"travel","cmdId":7,"actorId":3,"x":10,"y":4}}.
 */
public final class CommandJsonWriter
{
    private CommandJsonWriter()
    {
    }

    public static StringBuilder write(final StringBuilder out, final CommandEvent cmd)
    {
        final CommandType type = cmd.type;
        out.append("{\"type\":\"").append(type.wireName()).append("\",\"cmdId\":").append(cmd.cmdId);
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            out.append(",\"").append(field.wireName()).append("\":");
            if (field == CommandField.MAP || field == CommandField.DIR)
            {
                // Map names are printable ASCII and directions are enum names: no escaping needed, but be safe.
                out.append('"').append(field.format(cmd).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            else
            {
                out.append(field.get(cmd));
            }
        }
        return out.append('}');
    }

    public static String write(final CommandEvent cmd)
    {
        return write(new StringBuilder(96), cmd).toString();
    }
}
