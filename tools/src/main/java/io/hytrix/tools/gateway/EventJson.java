package io.hytrix.tools.gateway;

import io.hytrix.engine.game.EventType;
import io.netty.buffer.ByteBuf;

/**
 * An event as JSON, with the same field set and names per type as the engine's {@code EventText}
 * (so an answer, a stream and a replay's text output read alike), e.g.
 * {@code {"type":"actorMoved","huntId":1,"actorId":7,"x":3,"y":4,"tick":12}}.
 */
final class EventJson
{
    private static final byte[][] HEAD = new byte[16][];

    static
    {
        for (final EventType type : EventType.values())
        {
            HEAD[type.id()] = Json.ascii("{\"type\":\"" + type.wireName() + "\",\"huntId\":");
        }
    }

    private EventJson()
    {
    }

    static void write(final ByteBuf out, final EgressSlot e)
    {
        out.writeBytes(HEAD[e.eventType.id()]);
        Json.number(out, e.huntId);
        switch (e.eventType)
        {
            case HUNT_CREATED:
                field(out, "treasures", e.x);
                field(out, "durationTicks", e.value);
                break;
            case ACTOR_JOINED:
            case TREASURE_REVEALED:
                field(out, "actorId", e.actorId);
                field(out, "x", e.x);
                field(out, "y", e.y);
                break;
            case ACTOR_MOVED:
            case ACTOR_ARRIVED:
                field(out, "actorId", e.actorId);
                field(out, "x", e.x);
                field(out, "y", e.y);
                field(out, "tick", e.tick);
                break;
            case TRAVEL_STARTED:
                field(out, "actorId", e.actorId);
                field(out, "x", e.x);
                field(out, "y", e.y);
                field(out, "steps", e.value);
                break;
            case TREASURE_FOUND:
                field(out, "actorId", e.actorId);
                field(out, "x", e.x);
                field(out, "y", e.y);
                name(out, "item", e.item == null ? "NONE" : e.item.name());
                field(out, "score", e.value);
                break;
            case EFFECT_STARTED:
                field(out, "actorId", e.actorId);
                name(out, "effect", e.effect == null ? "NONE" : e.effect.name());
                field(out, "expiresAt", e.value);
                break;
            case EFFECT_EXPIRED:
                field(out, "actorId", e.actorId);
                name(out, "effect", e.effect == null ? "NONE" : e.effect.name());
                field(out, "tick", e.tick);
                break;
            case ACTOR_LEFT:
                field(out, "actorId", e.actorId);
                field(out, "score", e.value);
                break;
            case HUNT_COMPLETED:
                name(out, "reason", e.reason == null ? "NONE" : e.reason.name());
                field(out, "tick", e.tick);
                field(out, "actors", e.x);
                break;
            case ACTOR_RANKED:
                field(out, "actorId", e.actorId);
                field(out, "rank", e.x);
                field(out, "score", e.value);
                break;
            default:
                break;
        }
        out.writeByte('}');
    }

    private static void field(final ByteBuf out, final String name, final long value)
    {
        out.writeByte(',').writeByte('"');
        Json.plain(out, name);
        out.writeByte('"').writeByte(':');
        Json.number(out, value);
    }

    private static void name(final ByteBuf out, final String name, final String value)
    {
        out.writeByte(',').writeByte('"');
        Json.plain(out, name);
        out.writeByte('"').writeByte(':').writeByte('"');
        Json.plain(out, value);
        out.writeByte('"');
    }
}
