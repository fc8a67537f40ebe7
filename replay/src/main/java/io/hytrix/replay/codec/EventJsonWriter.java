package io.hytrix.replay.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.EventField;
import io.hytrix.engine.game.EventType;

import java.io.IOException;

/**
 * An event as JSON, walking the same field table as the engine's {@code EventText}
 * ({@link EventType#fields()}), so an answer, a stream and a replay's output read alike, e.g.
 * {@code {"type":"actorMoved","huntId":1,"actorId":7,"x":3,"y":4,"tick":12}}. Names and type
 * names are encoded once; writing allocates nothing.
 */
public final class EventJsonWriter
{
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString[] TYPE_NAMES = new SerializedString[EventType.values().length];
    private static final SerializedString[] NAMES = new SerializedString[EventField.values().length];

    static
    {
        for (final EventType type : EventType.values())
        {
            TYPE_NAMES[type.ordinal()] = new SerializedString(type.wireName());
        }
        for (final EventField field : EventField.values())
        {
            NAMES[field.ordinal()] = new SerializedString(field.wireName());
        }
    }

    private EventJsonWriter()
    {
    }

    /** {@code {"type":…, fields…}}: how the gateway answers and streams an event. */
    public static void write(final JsonGenerator g, final GameEvent e) throws IOException
    {
        g.writeStartObject();
        g.writeFieldName(TYPE);
        writeTypeName(g, e.eventType());
        writeFields(g, e);
        g.writeEndObject();
    }

    /** The type's wire name as a string value, e.g. {@code "actorMoved"}. */
    public static void writeTypeName(final JsonGenerator g, final EventType type) throws IOException
    {
        g.writeString(TYPE_NAMES[type.ordinal()]);
    }

    /** The event's fields in their fixed order, into an object the caller has opened. */
    public static void writeFields(final JsonGenerator g, final GameEvent e) throws IOException
    {
        for (final EventField field : e.eventType().fields())
        {
            g.writeFieldName(NAMES[field.ordinal()]);
            if (field.named())
            {
                g.writeString(field.constant(e));
            }
            else
            {
                g.writeNumber(field.number(e));
            }
        }
    }
}
