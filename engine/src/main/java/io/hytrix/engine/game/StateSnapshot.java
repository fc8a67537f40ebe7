package io.hytrix.engine.game;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The handler's full state as bytes, and back: hunts in id order (with their PRNG state and
 * treasures), their actors in join order, the idempotency window oldest first, and the counters.
 * Pool slots, map ids and path-cache handles are not written: none of them is observable, and a
 * restored actor's path is recomputed (identically) on its next step. The layout is versioned;
 * the file framing and checksum belong to the caller ({@code hytrix-replay}'s snapshot store).
 *
 * <pre>
 *   u16 version | i64 lastJournalIndex | i64 commands | i64 rejections | i64 internalErrors | i64 events
 *   | i64 ticks
 *   i32 hunts, each: i64 id | u8 n, n bytes map | i64 seed | i64 rng | i32 duration | i32 maxActors | i32 tick
 *                    | i32 treasures, each: i32 tile | u8 item | u8 dug | i32 left | 4 x i32 spawn tile
 *                    | i32 actors, each: i64 id | i32 tile | i64 score | 8 x (u8 item | i32 qty)
 *                                        | 4 x (u8 effect | i32 expiresAt) | u8 travelling | i32 from | i32 to | i32 step
 *   i32 window capacity | i32 size, each: i64 cmdId | u8 result code
 * </pre>
 */
public final class StateSnapshot
{
    /** 2 added the tick count (production checksums are numbered by it). */
    public static final int VERSION = 2;

    private StateSnapshot()
    {
    }

    /** The handler's state as snapshot bytes; call on the handler thread or with the pipeline halted. */
    public static byte[] capture(final GameHandler handler)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try
        {
            write(handler, new DataOutputStream(bytes));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a byte array never fails
        }
        return bytes.toByteArray();
    }

    /** Restores {@link #capture} bytes into a fresh handler. */
    public static void restore(final GameHandler fresh, final byte[] payload) throws IOException
    {
        read(fresh, new DataInputStream(new ByteArrayInputStream(payload)));
    }

    /** Call on the handler thread (or with the pipeline halted). */
    public static void write(final GameHandler handler, final DataOutput out) throws IOException
    {
        final GameState state = handler.state();
        out.writeShort(VERSION);
        out.writeLong(handler.lastJournalIndex());
        out.writeLong(handler.commands());
        out.writeLong(handler.rejections());
        out.writeLong(handler.internalErrors());
        out.writeLong(handler.events());
        out.writeLong(handler.ticks());
        out.writeInt(state.runningCount);
        for (int i = 0; i < state.runningCount; i++)
        {
            writeHunt(state, state.hunts[state.runningHunts[i]], out);
        }
        final IdempotencyWindow recent = handler.idempotencyWindow();
        out.writeInt(recent.capacity());
        out.writeInt(recent.size());
        for (int age = 0; age < recent.size(); age++)
        {
            out.writeLong(recent.cmdIdAt(age));
            out.writeByte(recent.resultAt(age));
        }
    }

    private static void writeHunt(final GameState state, final Hunt hunt, final DataOutput out) throws IOException
    {
        out.writeLong(hunt.id);
        out.writeByte(hunt.mapNameLength);
        out.write(hunt.mapName, 0, hunt.mapNameLength);
        out.writeLong(hunt.seed);
        out.writeLong(hunt.rngState);
        out.writeInt(hunt.durationTicks);
        out.writeInt(hunt.maxActors);
        out.writeInt(hunt.tick);
        out.writeInt(hunt.treasureCount);
        for (int t = 0; t < hunt.treasureCount; t++)
        {
            out.writeInt(hunt.treasureTile[t]);
            out.writeByte(hunt.treasureItem[t]);
            out.writeByte(hunt.treasureDug[t] ? 1 : 0);
        }
        out.writeInt(hunt.treasuresLeft);
        for (int s = 0; s < Rules.SPAWN_POINTS; s++)
        {
            out.writeInt(hunt.spawnTile[s]);
        }
        out.writeInt(hunt.actorCount);
        for (int a = 0; a < hunt.actorCount; a++)
        {
            final Actor actor = state.actors[hunt.actorSlots[a]];
            out.writeLong(actor.id);
            out.writeInt(actor.tile);
            out.writeLong(actor.score);
            for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
            {
                out.writeByte(actor.itemType[s]);
                out.writeInt(actor.itemQuantity[s]);
            }
            for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
            {
                out.writeByte(actor.effectType[e]);
                out.writeInt(actor.effectExpiresAt[e]);
            }
            out.writeByte(actor.travelling ? 1 : 0);
            out.writeInt(actor.pathFrom);
            out.writeInt(actor.pathTo);
            out.writeInt(actor.pathStep);
        }
    }

    /**
     * Restores into a handler that has applied nothing yet.
     *
     * @throws IOException on truncated input
     * @throws IllegalStateException when the snapshot does not fit this handler (version, maps, window)
     */
    public static void read(final GameHandler handler, final DataInput in) throws IOException
    {
        if (handler.commands() != 0)
        {
            throw new IllegalStateException("restore needs a fresh handler");
        }
        final int version = in.readUnsignedShort();
        if (version != VERSION)
        {
            throw new IllegalStateException("snapshot version " + version + " is not supported (this build reads "
                + VERSION + ")");
        }
        final GameState state = handler.state();
        final long lastJournalIndex = in.readLong();
        final long commands = in.readLong();
        final long rejections = in.readLong();
        final long internalErrors = in.readLong();
        final long events = in.readLong();
        final long ticks = in.readLong();
        final int hunts = in.readInt();
        for (int h = 0; h < hunts; h++)
        {
            readHunt(state, in);
        }
        final int capacity = in.readInt();
        final IdempotencyWindow recent = handler.idempotencyWindow();
        if (capacity != recent.capacity())
        {
            throw new IllegalStateException("snapshot was taken with an idempotency window of " + capacity
                + " commands, this engine has " + recent.capacity());
        }
        final int size = in.readInt();
        for (int i = 0; i < size; i++)
        {
            final long cmdId = in.readLong();
            recent.record(cmdId, io.hytrix.engine.command.ResultCode.fromCode(in.readUnsignedByte()));
        }
        handler.restoreCounters(lastJournalIndex, commands, rejections, internalErrors, events, ticks);
    }

    private static void readHunt(final GameState state, final DataInput in) throws IOException
    {
        final long id = in.readLong();
        final byte[] name = new byte[in.readUnsignedByte()];
        in.readFully(name);
        final int mapId = state.maps.idOf(name, name.length);
        if (mapId < 0)
        {
            throw new IllegalStateException("snapshot names map '" + new String(name, java.nio.charset.StandardCharsets.US_ASCII)
                + "', which this catalog does not have");
        }
        final Hunt hunt = state.hunts[state.allocateHunt(id)];
        hunt.id = id;
        hunt.mapId = mapId;
        hunt.map = state.maps.map(mapId);
        System.arraycopy(name, 0, hunt.mapName, 0, name.length);
        hunt.mapNameLength = name.length;
        hunt.seed = in.readLong();
        hunt.rngState = in.readLong();
        hunt.durationTicks = in.readInt();
        hunt.maxActors = in.readInt();
        hunt.ensureActorCapacity(hunt.maxActors);
        hunt.tick = in.readInt();
        final int treasures = in.readInt();
        hunt.clearTreasures();
        for (int t = 0; t < treasures; t++)
        {
            final int tile = in.readInt();
            final byte item = in.readByte();
            hunt.addTreasure(tile, item, in.readByte() != 0);
        }
        hunt.treasuresLeft = in.readInt();
        for (int s = 0; s < Rules.SPAWN_POINTS; s++)
        {
            hunt.spawnTile[s] = in.readInt();
        }
        hunt.actorCount = in.readInt();
        final int huntSlot = state.huntIndex.get(id);
        for (int a = 0; a < hunt.actorCount; a++)
        {
            final long actorId = in.readLong();
            final int slot = state.allocateActor(actorId);
            final Actor actor = state.actors[slot];
            actor.reset(actorId, huntSlot, in.readInt());
            actor.score = in.readLong();
            for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
            {
                actor.itemType[s] = in.readByte();
                actor.itemQuantity[s] = in.readInt();
            }
            for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
            {
                actor.effectType[e] = in.readByte();
                actor.effectExpiresAt[e] = in.readInt();
            }
            actor.travelling = in.readByte() != 0;
            actor.pathFrom = in.readInt();
            actor.pathTo = in.readInt();
            actor.pathStep = in.readInt();
            hunt.actorSlots[a] = slot;
        }
    }
}
