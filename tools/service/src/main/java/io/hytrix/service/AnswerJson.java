package io.hytrix.service;

import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.game.Rules;
import io.netty.buffer.ByteBuf;

/**
 * The JSON bodies the egress thread writes: a command's outcome, a hunt, an actor, the state, and
 * the error shape shared with the front door. Constant parts are encoded once.
 */
final class AnswerJson
{
    private static final byte[] CMD_ID = Json.ascii("{\"cmdId\":");
    /** Per result code: {@code ,"outcome":"…","code":"…","message":"…"}. */
    private static final byte[][] VERDICT = new byte[32][];
    private static final byte[] DUPLICATE = Json.ascii(",\"duplicate\":true");
    private static final byte[] JOURNAL_INDEX = Json.ascii(",\"journalIndex\":");
    private static final byte[] EVENTS = Json.ascii(",\"events\":[");

    static
    {
        for (final ResultCode code : ResultCode.values())
        {
            VERDICT[code.code()] = Json.ascii(",\"outcome\":\"" + (code.accepted() ? "accepted" : "rejected")
                + "\",\"code\":\"" + code.name() + "\",\"message\":\"" + code.message().replace("\"", "'") + "\"");
        }
    }

    private AnswerJson()
    {
    }

    /** {@code {"cmdId","outcome","code","message","duplicate"?,"journalIndex","events":[…]}}; events are already JSON. */
    static void outcome(final ByteBuf out, final EgressSlot o, final ByteBuf events)
    {
        out.writeBytes(CMD_ID);
        Json.number(out, o.cmdId);
        out.writeBytes(VERDICT[o.result.code()]);
        if (o.duplicate)
        {
            out.writeBytes(DUPLICATE);
        }
        if (o.journalIndex >= 0)
        {
            out.writeBytes(JOURNAL_INDEX);
            Json.number(out, o.journalIndex);
        }
        out.writeBytes(EVENTS);
        out.writeBytes(events, events.readerIndex(), events.readableBytes());
        out.writeByte(']').writeByte('}');
    }

    static void hunt(final ByteBuf out, final EgressSlot a)
    {
        out.writeByte('{');
        first(out, "huntId", a.huntId);
        text(out, "map", a.mapName);
        field(out, "tick", a.tick);
        field(out, "durationTicks", a.durationTicks);
        field(out, "actors", a.actors);
        field(out, "treasures", a.treasures);
        field(out, "treasuresLeft", a.treasuresLeft);
        out.writeByte('}');
    }

    static void actor(final ByteBuf out, final EgressSlot a)
    {
        out.writeByte('{');
        first(out, "actorId", a.actorId);
        field(out, "huntId", a.huntId);
        text(out, "map", a.mapName);
        field(out, "tick", a.tick);
        field(out, "x", a.x);
        field(out, "y", a.y);
        field(out, "score", a.score);
        Json.plain(out, ",\"travelling\":");
        Json.plain(out, a.travelling ? "true" : "false");
        if (a.travelling)
        {
            Json.plain(out, ",\"target\":{\"x\":");
            Json.number(out, a.targetX);
            Json.plain(out, ",\"y\":");
            Json.number(out, a.targetY);
            out.writeByte('}');
        }
        Json.plain(out, ",\"inventory\":[");
        boolean any = false;
        for (int i = 0; i < Rules.INVENTORY_SLOTS; i++)
        {
            final ItemType item = ItemType.fromId((int)(a.inventoryItems >>> (8 * i)) & 0xFF);
            if (item != null)
            {
                if (any)
                {
                    out.writeByte(',');
                }
                any = true;
                out.writeByte('{');
                first(out, "slot", i);
                text(out, "item", item.name());
                field(out, "quantity", (a.inventoryQuantities >>> (8 * i)) & 0xFF);
                out.writeByte('}');
            }
        }
        Json.plain(out, "],\"effects\":[");
        any = false;
        for (int i = 0; i < Rules.EFFECT_SLOTS; i++)
        {
            final EffectType effect = EffectType.fromId((int)(a.effectTypes >>> (8 * i)) & 0xFF);
            if (effect != null)
            {
                if (any)
                {
                    out.writeByte(',');
                }
                any = true;
                out.writeByte('{');
                text(out, "effect", effect.name());
                field(out, "expiresAt", a.effectExpiresAt[i]);
                out.writeByte('}');
            }
        }
        out.writeByte(']').writeByte('}');
    }

    static void state(final ByteBuf out, final EgressSlot a)
    {
        out.writeByte('{');
        first(out, "journalIndex", a.journalIndex);
        field(out, "commands", a.commands);
        Json.plain(out, ",\"stateHash\":");
        Json.hex16(out, a.stateHash);
        out.writeByte('}');
    }

    /** {@code {"journalIndex","bytes","stallMicros","file"}}: the answer to POST /v1/admin/snapshot. */
    static void snapshot(final ByteBuf out, final EgressSlot a, final java.nio.file.Path directory)
    {
        out.writeByte('{');
        first(out, "journalIndex", a.journalIndex);
        field(out, "bytes", a.snapshotBytes);
        field(out, "stallMicros", a.snapshotStallNanos / 1000);
        Json.plain(out, ",\"file\":");
        Json.string(out, directory.resolve(String.format("snapshot-%019d.hsnap", a.journalIndex)).toString());
        out.writeByte('}');
    }

    /** {@code {"error":{"code","message","field"}}}; field is null when no single field is to blame. */
    static void error(final ByteBuf out, final String code, final String message, final String field)
    {
        Json.plain(out, "{\"error\":{\"code\":");
        Json.string(out, code);
        Json.plain(out, ",\"message\":");
        Json.string(out, message);
        Json.plain(out, ",\"field\":");
        if (field == null)
        {
            Json.plain(out, "null");
        }
        else
        {
            Json.string(out, field);
        }
        Json.plain(out, "}}");
    }

    private static void first(final ByteBuf out, final String name, final long value)
    {
        out.writeByte('"');
        Json.plain(out, name);
        out.writeByte('"').writeByte(':');
        Json.number(out, value);
    }

    private static void field(final ByteBuf out, final String name, final long value)
    {
        out.writeByte(',');
        first(out, name, value);
    }

    private static void text(final ByteBuf out, final String name, final String value)
    {
        out.writeByte(',').writeByte('"');
        Json.plain(out, name);
        out.writeByte('"').writeByte(':');
        Json.string(out, value);
    }
}
