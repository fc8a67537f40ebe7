package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandText;
import io.hytrix.replay.codec.CommandJsonWriter;
import io.hytrix.replay.codec.JsonText;

/**
 * Prints journal entries as YAML documents or JSON lines: the engine's text codec ({@link CommandText})
 * and the one command JSON writer ({@link CommandJsonWriter}), each led by the entry's journal index.
 */
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

    /** One journal entry: a YAML list item of block entries, or one JSON object, each led by its journal index. */
    public String format(final CommandEvent cmd)
    {
        if (this == YAML)
        {
            return CommandText.yaml(new StringBuilder(128).append("- index: ").append(cmd.journalIndex).append("\n  "),
                cmd, "\n  ", false).toString();
        }
        return JsonText.write(g ->
        {
            g.writeStartObject();
            g.writeNumberField("index", cmd.journalIndex);
            CommandJsonWriter.writeFields(g, cmd);
            g.writeEndObject();
        });
    }
}
