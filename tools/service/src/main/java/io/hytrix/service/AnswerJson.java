package io.hytrix.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hytrix.engine.command.OutcomeDetail;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.game.Rules;
import io.hytrix.replay.codec.CommandJsonWriter;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON bodies the gateway writes: a command's outcome, a hunt, an actor, the state, a snapshot
 * and the error shape shared with the front door. Written with this thread's reused Jackson
 * generator ({@link ByteBufJson}) straight into the answer's buffer; names and per-code verdicts
 * are encoded once, so the egress thread allocates nothing here.
 */
final class AnswerJson
{
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString DUPLICATE = new SerializedString("duplicate");
    private static final SerializedString JOURNAL_INDEX = new SerializedString("journalIndex");
    private static final SerializedString EVENTS = new SerializedString("events");
    private static final SerializedString HUNT_ID = new SerializedString("huntId");
    private static final SerializedString ACTOR_ID = new SerializedString("actorId");
    private static final SerializedString MAP = new SerializedString("map");
    private static final SerializedString TICK = new SerializedString("tick");
    private static final SerializedString DURATION_TICKS = new SerializedString("durationTicks");
    private static final SerializedString ACTORS = new SerializedString("actors");
    private static final SerializedString TREASURES = new SerializedString("treasures");
    private static final SerializedString TREASURES_LEFT = new SerializedString("treasuresLeft");
    private static final SerializedString X = new SerializedString("x");
    private static final SerializedString Y = new SerializedString("y");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString TRAVELLING = new SerializedString("travelling");
    private static final SerializedString TARGET = new SerializedString("target");
    private static final SerializedString INVENTORY = new SerializedString("inventory");
    private static final SerializedString SLOT = new SerializedString("slot");
    private static final SerializedString ITEM = new SerializedString("item");
    private static final SerializedString QUANTITY = new SerializedString("quantity");
    private static final SerializedString EFFECTS = new SerializedString("effects");
    private static final SerializedString EFFECT = new SerializedString("effect");
    private static final SerializedString EXPIRES_AT = new SerializedString("expiresAt");
    private static final SerializedString COMMANDS = new SerializedString("commands");
    private static final SerializedString STATE_HASH = new SerializedString("stateHash");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString FIELD = new SerializedString("field");
    private static final SerializedString ACCEPTED = new SerializedString("accepted");
    private static final SerializedString REJECTED = new SerializedString("rejected");
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Per result code: its name and its message, as string values. */
    private static final SerializableString[] CODE_NAME = new SerializableString[32];
    private static final SerializableString[] CODE_MESSAGE = new SerializableString[32];
    /** Per {@link OutcomeDetail} id: its message, for results that say which field and range. */
    private static final SerializableString[] DETAIL_MESSAGE = new SerializableString[OutcomeDetail.values().length];
    /** Scratch for a state hash's 16 hex digits, per writing thread. */
    private static final ThreadLocal<char[]> HEX_DIGITS = ThreadLocal.withInitial(() -> new char[16]);

    static
    {
        for (final ResultCode code : ResultCode.values())
        {
            CODE_NAME[code.code()] = new SerializedString(code.name());
            CODE_MESSAGE[code.code()] = new SerializedString(code.message());
        }
        for (final OutcomeDetail detail : OutcomeDetail.values())
        {
            DETAIL_MESSAGE[detail.id()] = detail.text() == null ? null : new SerializedString(detail.text());
        }
    }

    private AnswerJson()
    {
    }

    /** {@code {"cmdId","outcome","code","message","duplicate"?,"journalIndex"?,"events":[…]}}; events are already JSON. */
    static void outcome(final ByteBuf out, final EgressSlot o, final ByteBuf events)
    {
        final ByteBufJson sink = ByteBufJson.begin(out);
        final JsonGenerator g = sink.generator();
        try
        {
            g.writeStartObject();
            g.writeFieldName(CommandJsonWriter.CMD_ID);
            g.writeNumber(o.cmdId);
            g.writeFieldName(OUTCOME);
            g.writeString(o.result.accepted() ? ACCEPTED : REJECTED);
            g.writeFieldName(CODE);
            g.writeString(CODE_NAME[o.result.code()]);
            g.writeFieldName(MESSAGE);
            final SerializableString detail = o.detail > 0 && o.detail < DETAIL_MESSAGE.length ? DETAIL_MESSAGE[o.detail] : null;
            g.writeString(detail != null ? detail : CODE_MESSAGE[o.result.code()]);
            if (o.duplicate)
            {
                g.writeFieldName(DUPLICATE);
                g.writeBoolean(true);
            }
            if (o.journalIndex >= 0)
            {
                number(g, JOURNAL_INDEX, o.journalIndex);
            }
            g.writeFieldName(EVENTS);
            g.writeStartArray();
            // The events are complete JSON values joined by commas: they go in as they are, between
            // what the generator has written so far and the array's end.
            g.flush();
            out.writeBytes(events, events.readerIndex(), events.readableBytes());
            g.writeEndArray();
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            sink.end();
        }
    }

    static void hunt(final ByteBuf out, final EgressSlot a)
    {
        ByteBufJson.write(out, a, AnswerJson::writeHunt);
    }

    private static void writeHunt(final JsonGenerator g, final EgressSlot a) throws IOException
    {
        g.writeStartObject();
        number(g, HUNT_ID, a.huntId);
        string(g, MAP, a.mapName);
        number(g, TICK, a.tick);
        number(g, DURATION_TICKS, a.durationTicks);
        number(g, ACTORS, a.actors);
        number(g, TREASURES, a.treasures);
        number(g, TREASURES_LEFT, a.treasuresLeft);
        g.writeEndObject();
    }

    static void actor(final ByteBuf out, final EgressSlot a)
    {
        ByteBufJson.write(out, a, AnswerJson::writeActor);
    }

    private static void writeActor(final JsonGenerator g, final EgressSlot a) throws IOException
    {
        g.writeStartObject();
        number(g, ACTOR_ID, a.actorId);
        number(g, HUNT_ID, a.huntId);
        string(g, MAP, a.mapName);
        number(g, TICK, a.tick);
        number(g, X, a.x);
        number(g, Y, a.y);
        number(g, SCORE, a.score);
        g.writeFieldName(TRAVELLING);
        g.writeBoolean(a.travelling);
        if (a.travelling)
        {
            g.writeFieldName(TARGET);
            g.writeStartObject();
            number(g, X, a.targetX);
            number(g, Y, a.targetY);
            g.writeEndObject();
        }
        g.writeFieldName(INVENTORY);
        g.writeStartArray();
        for (int i = 0; i < Rules.INVENTORY_SLOTS; i++)
        {
            final ItemType item = ItemType.fromId((int)(a.inventoryItems >>> (8 * i)) & 0xFF);
            if (item != null)
            {
                g.writeStartObject();
                number(g, SLOT, i);
                string(g, ITEM, item.name());
                number(g, QUANTITY, (a.inventoryQuantities >>> (8 * i)) & 0xFF);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeFieldName(EFFECTS);
        g.writeStartArray();
        for (int i = 0; i < Rules.EFFECT_SLOTS; i++)
        {
            final EffectType effect = EffectType.fromId((int)(a.effectTypes >>> (8 * i)) & 0xFF);
            if (effect != null)
            {
                g.writeStartObject();
                string(g, EFFECT, effect.name());
                number(g, EXPIRES_AT, a.effectExpiresAt[i]);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void state(final ByteBuf out, final EgressSlot a)
    {
        ByteBufJson.write(out, a, AnswerJson::writeState);
    }

    private static void writeState(final JsonGenerator g, final EgressSlot a) throws IOException
    {
        g.writeStartObject();
        number(g, JOURNAL_INDEX, a.journalIndex);
        number(g, COMMANDS, a.commands);
        g.writeFieldName(STATE_HASH);
        hex16(g, a.stateHash);
        g.writeEndObject();
    }

    /** {@code {"journalIndex","bytes","stallMicros","file"}}: the answer to POST /v1/admin/snapshot. */
    static void snapshot(final ByteBuf out, final EgressSlot a, final java.nio.file.Path directory)
    {
        final ByteBufJson sink = ByteBufJson.begin(out);
        final JsonGenerator g = sink.generator();
        try
        {
            g.writeStartObject();
            number(g, JOURNAL_INDEX, a.journalIndex);
            g.writeNumberField("bytes", a.snapshotBytes);
            g.writeNumberField("stallMicros", a.snapshotStallNanos / 1000);
            g.writeStringField("file", directory.resolve(String.format("snapshot-%019d.hsnap", a.journalIndex)).toString());
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            sink.end();
        }
    }

    /** {@code {"error":{"code","message","field"}}}; field is null when no single field is to blame. */
    static void error(final ByteBuf out, final String code, final String message, final String field)
    {
        final ByteBufJson sink = ByteBufJson.begin(out);
        final JsonGenerator g = sink.generator();
        try
        {
            g.writeStartObject();
            g.writeFieldName(ERROR);
            g.writeStartObject();
            string(g, CODE, code);
            string(g, MESSAGE, message);
            g.writeFieldName(FIELD);
            if (field == null)
            {
                g.writeNull();
            }
            else
            {
                g.writeString(field);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            sink.end();
        }
    }

    private static void number(final JsonGenerator g, final SerializableString name, final long value) throws IOException
    {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void string(final JsonGenerator g, final SerializableString name, final String value) throws IOException
    {
        g.writeFieldName(name);
        g.writeString(value);
    }

    /** A 64-bit value as exactly 16 lower-case hex digits, quoted (how state hashes are shown everywhere). */
    private static void hex16(final JsonGenerator g, final long value) throws IOException
    {
        final char[] digits = HEX_DIGITS.get();
        for (int i = 0; i < 16; i++)
        {
            digits[i] = HEX[(int)(value >>> (60 - 4 * i)) & 0xF];
        }
        g.writeString(digits, 0, 16);
    }
}
