package io.hytrix.replay.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandText;
import io.hytrix.engine.command.CommandType;

import java.io.IOException;

/**
 * Writes a command as the JSON object {@code POST /v1/commands} takes and the dump prints, from the
 * engine's schema tables ({@link CommandType}, {@link CommandField}), e.g.
 * {@code {"type":"travel","cmdId":7,"actorId":3,"x":10,"y":4}}. {@link CommandJsonReader} reads
 * exactly this back. Field names are encoded once; writing allocates nothing.
 */
public final class CommandJsonWriter
{
    public static final SerializedString TYPE = new SerializedString(CommandText.TYPE);
    public static final SerializedString CMD_ID = new SerializedString(CommandText.CMD_ID);
    private static final SerializedString[] NAMES = new SerializedString[CommandField.values().length];

    static
    {
        for (final CommandField field : CommandField.values())
        {
            NAMES[field.ordinal()] = new SerializedString(field.wireName());
        }
    }

    private CommandJsonWriter()
    {
    }

    /** The command as one JSON object. */
    public static void write(final JsonGenerator g, final CommandEvent cmd) throws IOException
    {
        g.writeStartObject();
        writeFields(g, cmd);
        g.writeEndObject();
    }

    /** type, cmdId and the type's fields, into an object the caller has opened (and may add to). */
    public static void writeFields(final JsonGenerator g, final CommandEvent cmd) throws IOException
    {
        final CommandType type = cmd.type;
        g.writeFieldName(TYPE);
        g.writeString(type.wireName());
        g.writeFieldName(CMD_ID);
        g.writeNumber(cmd.cmdId);
        for (int i = 0; i < type.fieldCount(); i++)
        {
            final CommandField field = type.field(i);
            g.writeFieldName(NAMES[field.ordinal()]);
            if (field == CommandField.MAP)
            {
                // Printable ASCII by construction (CommandEvent#mapName), so its bytes are its UTF-8.
                g.writeUTF8String(cmd.mapName, 0, cmd.mapNameLength);
            }
            else if (field == CommandField.DIR)
            {
                g.writeString(field.format(cmd));
            }
            else
            {
                g.writeNumber(field.get(cmd));
            }
        }
    }

    /** The command as a JSON String. */
    public static String toJson(final CommandEvent cmd)
    {
        return JsonText.write(g -> write(g, cmd));
    }
}
