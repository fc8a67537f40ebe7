package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EventText;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.replay.codec.EventJsonWriter;
import io.hytrix.replay.codec.JsonText;

/**
 * Events as YAML list items or JSON lines, tagged with the journal index and cmdId that caused them.
 * The event's own fields come from the one text codec ({@link EventText}) and the one JSON writer
 * ({@link EventJsonWriter}); only the tag is written here.
 */
public final class EventFormat
{
    private EventFormat()
    {
    }

    /** One command's outcome line: {@code {index, cmdId, command, outcome: ACCEPTED|<code>, duplicate?}}. */
    public static String outcome(final CommandFormat format, final CommandEvent cmd)
    {
        if (format == CommandFormat.YAML)
        {
            return "- {index: " + cmd.journalIndex + ", cmdId: " + cmd.cmdId + ", command: '" + cmd + "', outcome: "
                + cmd.result + (cmd.duplicate ? ", duplicate: true" : "") + "}";
        }
        return JsonText.write(g ->
        {
            g.writeStartObject();
            g.writeNumberField("index", cmd.journalIndex);
            g.writeNumberField("cmdId", cmd.cmdId);
            g.writeStringField("command", cmd.toString());
            g.writeStringField("outcome", cmd.result.name());
            if (cmd.duplicate)
            {
                g.writeBooleanField("duplicate", true);
            }
            g.writeEndObject();
        });
    }

    public static String format(final CommandFormat format, final CommandEvent cause, final GameEvent e)
    {
        if (format == CommandFormat.YAML)
        {
            final StringBuilder sb = new StringBuilder(128).append("- {index: ").append(cause.journalIndex)
                .append(", cmdId: ").append(cause.cmdId).append(", event: ").append(e.type.wireName());
            return EventText.appendFields(sb, e, ", ", ": ").append('}').toString();
        }
        return JsonText.write(g ->
        {
            g.writeStartObject();
            g.writeNumberField("index", cause.journalIndex);
            g.writeNumberField("cmdId", cause.cmdId);
            g.writeFieldName("event");
            EventJsonWriter.writeTypeName(g, e.type);
            EventJsonWriter.writeFields(g, e);
            g.writeEndObject();
        });
    }
}
