package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EventText;
import io.hytrix.engine.game.GameEvent;

import java.util.List;
import java.util.Map;

/** Events as YAML list items or JSON lines, tagged with the journal index and cmdId that caused them. */
public final class EventFormat
{
    private EventFormat()
    {
    }

    /** One command's outcome line: {@code {index, cmdId, command, outcome: ACCEPTED|<code>, duplicate?}}. */
    public static String outcome(final CommandFormat format, final CommandEvent cmd)
    {
        final String dup = cmd.duplicate ? (format == CommandFormat.YAML ? ", duplicate: true" : ",\"duplicate\":true") : "";
        return format == CommandFormat.YAML
            ? "- {index: " + cmd.journalIndex + ", cmdId: " + cmd.cmdId + ", command: '" + cmd + "', outcome: " + cmd.result
                + dup + "}"
            : "{\"index\":" + cmd.journalIndex + ",\"cmdId\":" + cmd.cmdId + ",\"command\":\""
                + cmd.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"outcome\":\"" + cmd.result + "\"" + dup + "}";
    }

    public static String format(final CommandFormat format, final CommandEvent cause, final GameEvent e)
    {
        final List<Map.Entry<String, Object>> fields = EventText.fields(e);
        final StringBuilder sb = new StringBuilder(128);
        if (format == CommandFormat.YAML)
        {
            sb.append("- {index: ").append(cause.journalIndex).append(", cmdId: ").append(cause.cmdId)
                .append(", event: ").append(e.type.wireName());
            for (final Map.Entry<String, Object> field : fields)
            {
                sb.append(", ").append(field.getKey()).append(": ").append(field.getValue());
            }
            return sb.append('}').toString();
        }
        sb.append("{\"index\":").append(cause.journalIndex).append(",\"cmdId\":").append(cause.cmdId)
            .append(",\"event\":\"").append(e.type.wireName()).append('"');
        for (final Map.Entry<String, Object> field : fields)
        {
            sb.append(",\"").append(field.getKey()).append("\":");
            final Object value = field.getValue();
            if (value instanceof Number)
            {
                sb.append(value);
            }
            else
            {
                sb.append('"').append(value).append('"');
            }
        }
        return sb.append('}').toString();
    }
}
