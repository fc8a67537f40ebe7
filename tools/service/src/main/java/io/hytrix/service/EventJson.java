package io.hytrix.service;

import io.hytrix.engine.game.EventField;
import io.hytrix.engine.game.EventType;
import io.netty.buffer.ByteBuf;

/**
 * An event as JSON, walking the same field table as the engine's {@code EventText}
 * ({@link EventType#fields()}), so an answer, a stream and a replay's text output read alike, e.g.
 * {@code {"type":"actorMoved","huntId":1,"actorId":7,"x":3,"y":4,"tick":12}}. Allocates nothing.
 */
final class EventJson
{
    private static final byte[][] HEAD = new byte[16][];
    /** {@code ,"name":} per field, written before its value. */
    private static final byte[][] NAME = new byte[EventField.values().length][];

    static
    {
        for (final EventType type : EventType.values())
        {
            HEAD[type.id()] = Json.ascii("{\"type\":\"" + type.wireName() + "\"");
        }
        for (final EventField field : EventField.values())
        {
            NAME[field.ordinal()] = Json.ascii(",\"" + field.wireName() + "\":");
        }
    }

    private EventJson()
    {
    }

    static void write(final ByteBuf out, final EgressSlot e)
    {
        out.writeBytes(HEAD[e.eventType.id()]);
        for (final EventField field : e.eventType.fields())
        {
            out.writeBytes(NAME[field.ordinal()]);
            switch (field.source())
            {
                case HUNT_ID: Json.number(out, e.huntId); break;
                case ACTOR_ID: Json.number(out, e.actorId); break;
                case X: Json.number(out, e.x); break;
                case Y: Json.number(out, e.y); break;
                case TICK: Json.number(out, e.tick); break;
                case VALUE: Json.number(out, e.value); break;
                case ITEM: quoted(out, e.item == null ? "NONE" : e.item.name()); break;
                case EFFECT: quoted(out, e.effect == null ? "NONE" : e.effect.name()); break;
                case REASON: quoted(out, e.reason == null ? "NONE" : e.reason.name()); break;
                default: throw new IllegalStateException("unknown source " + field.source());
            }
        }
        out.writeByte('}');
    }

    private static void quoted(final ByteBuf out, final String value)
    {
        out.writeByte('"');
        Json.plain(out, value);
        out.writeByte('"');
    }
}
