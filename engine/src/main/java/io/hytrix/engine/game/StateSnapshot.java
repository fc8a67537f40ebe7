package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
 *   (version 3 adds: u8 rules after a hunt's tick; i32 budget tick | i32 tiles moved after an actor's step;
 *    i64 field digest after a window entry's result code)
 * </pre>
 */
public final class StateSnapshot
{
    /**
     * 2 added the tick count (production checksums are numbered by it); 3 the rules version: each hunt's
     * rules (u8, after its tick), each actor's move budget (i32 tick, i32 tiles moved, after its path
     * cursor) and each window entry's field digest (i64, after its result). Version 2 is still read, as
     * what it was: rules-1 hunts, no budget used, no field digests.
     */
    public static final int VERSION = 3;
    /** The oldest layout {@link #read} still accepts. */
    public static final int OLDEST_READABLE_VERSION = 2;

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
            out.writeLong(recent.fieldDigestAt(age));
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
        out.writeByte(hunt.rules);
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
            out.writeInt(actor.budgetTick);
            out.writeInt(actor.budgetUsed);
        }
    }

    /**
     * Restores into a handler that has applied nothing yet. Every count, length and id is checked
     * against the engine's own limits before it is used, so damaged or hostile bytes are refused with a
     * message instead of indexing past a pool, allocating what a length field claims, or leaving state
     * the handler cannot apply commands to; a snapshot that passes here hashes and captures again.
     * On any refusal the handler is left partly restored and must be discarded.
     *
     * @throws EOFException on truncated input
     * @throws IOException when a field is outside what the engine can hold (a damaged snapshot)
     * @throws IllegalStateException when the snapshot does not fit this handler (version, maps, window)
     */
    public static void read(final GameHandler handler, final DataInput in) throws IOException
    {
        if (handler.commands() != 0)
        {
            throw new IllegalStateException("restore needs a fresh handler");
        }
        try
        {
            readState(handler, in);
        }
        catch (final EOFException ex)
        {
            // DataInput says nothing of its own; a snapshot that ends early is a torn or cut one.
            final EOFException truncated = new EOFException("snapshot is truncated: it ends before its last field");
            truncated.initCause(ex);
            throw truncated;
        }
    }

    private static void readState(final GameHandler handler, final DataInput in) throws IOException
    {
        final int version = in.readUnsignedShort();
        if (version < OLDEST_READABLE_VERSION || version > VERSION)
        {
            throw new IllegalStateException("snapshot version " + version + " is not supported (this build reads "
                + OLDEST_READABLE_VERSION + ".." + VERSION + ")");
        }
        final GameState state = handler.state();
        final long lastJournalIndex = in.readLong();
        final long commands = in.readLong();
        final long rejections = in.readLong();
        final long internalErrors = in.readLong();
        final long events = in.readLong();
        final long ticks = in.readLong();
        final int hunts = in.readInt();
        check(hunts >= 0 && hunts <= Rules.MAX_HUNTS, "hunt count", hunts, 0, Rules.MAX_HUNTS);
        long previousId = Long.MIN_VALUE;
        for (int h = 0; h < hunts; h++)
        {
            previousId = readHunt(state, in, h, previousId, version);
        }
        final int capacity = in.readInt();
        final IdempotencyWindow recent = handler.idempotencyWindow();
        if (capacity != recent.capacity())
        {
            throw new IllegalStateException("snapshot was taken with an idempotency window of " + capacity
                + " commands, this engine has " + recent.capacity());
        }
        final int size = in.readInt();
        check(size >= 0 && size <= capacity, "idempotency window size", size, 0, capacity);
        for (int i = 0; i < size; i++)
        {
            final long cmdId = in.readLong();
            final int code = in.readUnsignedByte();
            final ResultCode result = ResultCode.fromCode(code);
            if (result == null)
            {
                throw corrupt("idempotency entry " + i + " has unknown result code " + code);
            }
            recent.record(cmdId, result, version >= 3 ? in.readLong() : 0);
        }
        handler.restoreCounters(lastJournalIndex, commands, rejections, internalErrors, events, ticks);
    }

    /** Reads hunt number {@code h}, whose id must follow {@code previousId} (they are written in id order). */
    private static long readHunt(final GameState state, final DataInput in, final int h, final long previousId,
        final int version) throws IOException
    {
        final long id = in.readLong();
        if (h > 0 && id <= previousId)
        {
            throw corrupt("hunt " + h + " has id " + id + ", not above the previous hunt's " + previousId
                + " (hunts are written once each, in id order)");
        }
        final int nameLength = in.readUnsignedByte();
        check(nameLength >= 1 && nameLength <= CommandEvent.MAX_MAP_NAME_LENGTH, "hunt " + id + " map name length",
            nameLength, 1, CommandEvent.MAX_MAP_NAME_LENGTH);
        final byte[] name = new byte[nameLength];
        in.readFully(name);
        for (final byte b : name)
        {
            if (b < 0x21 || b > 0x7e)
            {
                throw corrupt("hunt " + id + " map name holds byte 0x" + Integer.toHexString(b & 0xff)
                    + ", not printable ASCII");
            }
        }
        final int mapId = state.maps.idOf(name, name.length);
        if (mapId < 0)
        {
            throw new IllegalStateException("snapshot names map '" + new String(name, StandardCharsets.US_ASCII)
                + "', which this catalog does not have");
        }
        final GridMap map = state.maps.map(mapId);
        final Hunt hunt = state.hunts[state.allocateHunt(id)];
        hunt.id = id;
        hunt.mapId = mapId;
        hunt.map = map;
        System.arraycopy(name, 0, hunt.mapName, 0, name.length);
        hunt.mapNameLength = name.length;
        hunt.seed = in.readLong();
        hunt.rngState = in.readLong();
        hunt.durationTicks = in.readInt();
        check(hunt.durationTicks >= 1 && hunt.durationTicks <= Rules.MAX_DURATION_TICKS, "hunt " + id + " duration",
            hunt.durationTicks, 1, Rules.MAX_DURATION_TICKS);
        hunt.maxActors = in.readInt();
        // Checked before it sizes the actor array: 2^31 - 1 would be an 8 GB allocation.
        check(hunt.maxActors >= 1 && hunt.maxActors <= Rules.MAX_ACTORS_PER_HUNT, "hunt " + id + " maxActors",
            hunt.maxActors, 1, Rules.MAX_ACTORS_PER_HUNT);
        hunt.ensureActorCapacity(hunt.maxActors);
        hunt.tick = in.readInt();
        check(hunt.tick >= 0 && hunt.tick <= hunt.durationTicks, "hunt " + id + " tick", hunt.tick, 0, hunt.durationTicks);
        hunt.rules = version >= 3 ? in.readUnsignedByte() : CommandEvent.RULES_1;
        check(hunt.rules >= CommandEvent.RULES_1 && hunt.rules <= CommandEvent.CURRENT_RULES, "hunt " + id + " rules",
            hunt.rules, CommandEvent.RULES_1, CommandEvent.CURRENT_RULES);
        final int treasures = in.readInt();
        check(treasures >= 1 && treasures <= Rules.MAX_TREASURES_PER_HUNT, "hunt " + id + " treasure count", treasures,
            1, Rules.MAX_TREASURES_PER_HUNT);
        hunt.clearTreasures();
        for (int t = 0; t < treasures; t++)
        {
            final int tile = tile(map, in.readInt(), "hunt " + id + " treasure " + t);
            final byte item = in.readByte();
            if (ItemType.fromId(item) == null)
            {
                throw corrupt("hunt " + id + " treasure " + t + " has unknown item id " + item);
            }
            if (hunt.hasTreasureAt(tile))
            {
                throw corrupt("hunt " + id + " has two treasures on tile " + tile);
            }
            hunt.addTreasure(tile, item, in.readByte() != 0);
        }
        hunt.treasuresLeft = in.readInt();
        check(hunt.treasuresLeft >= 0 && hunt.treasuresLeft <= treasures, "hunt " + id + " treasures left",
            hunt.treasuresLeft, 0, treasures);
        for (int s = 0; s < Rules.SPAWN_POINTS; s++)
        {
            hunt.spawnTile[s] = tile(map, in.readInt(), "hunt " + id + " spawn point " + s);
        }
        final int actors = in.readInt();
        check(actors >= 0 && actors <= hunt.maxActors, "hunt " + id + " actor count", actors, 0, hunt.maxActors);
        final int huntSlot = state.huntIndex.get(id);
        hunt.actorCount = 0;
        for (int a = 0; a < actors; a++)
        {
            final long actorId = in.readLong();
            if (state.actorIndex.get(actorId) >= 0)
            {
                throw corrupt("actor " + actorId + " appears twice");
            }
            if (!state.actorCapacityLeft())
            {
                throw corrupt("more actors than the engine's " + Rules.MAX_ACTORS);
            }
            final int slot = state.allocateActor(actorId);
            final Actor actor = state.actors[slot];
            final String where = "actor " + actorId;
            actor.reset(actorId, huntSlot, tile(map, in.readInt(), where));
            // Counted as it goes, so a refusal part-way leaves no slot naming an actor not yet read.
            hunt.actorSlots[a] = slot;
            hunt.actorCount = a + 1;
            actor.score = in.readLong();
            for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
            {
                actor.itemType[s] = in.readByte();
                actor.itemQuantity[s] = in.readInt();
                final boolean empty = actor.itemType[s] == 0;
                if (!empty && ItemType.fromId(actor.itemType[s]) == null)
                {
                    throw corrupt(where + " inventory slot " + s + " has unknown item id " + actor.itemType[s]);
                }
                final int min = empty ? 0 : 1;
                final int max = empty ? 0 : Rules.MAX_STACK;
                check(actor.itemQuantity[s] >= min && actor.itemQuantity[s] <= max, where + " inventory slot " + s
                    + " quantity", actor.itemQuantity[s], min, max);
            }
            for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
            {
                actor.effectType[e] = in.readByte();
                actor.effectExpiresAt[e] = in.readInt();
                if (actor.effectType[e] != 0 && EffectType.fromId(actor.effectType[e]) == null)
                {
                    throw corrupt(where + " effect slot " + e + " has unknown effect id " + actor.effectType[e]);
                }
            }
            actor.travelling = in.readByte() != 0;
            actor.pathFrom = in.readInt();
            actor.pathTo = in.readInt();
            actor.pathStep = in.readInt();
            if (actor.travelling)
            {
                // The path itself is recomputed on the next step; its ends must at least be on the map.
                tile(map, actor.pathFrom, where + " path start");
                tile(map, actor.pathTo, where + " path end");
                check(actor.pathStep >= 0, where + " path step", actor.pathStep, 0, Integer.MAX_VALUE);
            }
            if (version >= 3)
            {
                actor.budgetTick = in.readInt();
                actor.budgetUsed = in.readInt();
                check(actor.budgetUsed >= 0 && actor.budgetUsed <= 2 * Rules.MOVES_PER_TICK, where + " tiles moved this tick",
                    actor.budgetUsed, 0, 2 * Rules.MOVES_PER_TICK);
            }
        }
        return id;
    }

    private static int tile(final GridMap map, final int tile, final String what) throws IOException
    {
        if (!map.validTile(tile))
        {
            throw corrupt(what + " is on tile " + tile + ", outside the " + map.width() + "x" + map.height() + " map "
                + map.name());
        }
        return tile;
    }

    private static void check(final boolean valid, final String what, final long value, final long min, final long max)
        throws IOException
    {
        if (!valid)
        {
            throw corrupt(what + " is " + value + ", outside " + min + ".." + max);
        }
    }

    private static IOException corrupt(final String problem)
    {
        return new IOException("corrupt snapshot: " + problem);
    }
}
