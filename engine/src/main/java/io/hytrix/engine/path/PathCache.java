package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;

/**
 * The global path cache: (mapId, fromTile, toTile) to a shortest path, within a fixed memory budget.
 *
 * <p><b>Layout.</b> Entries live in a ring of slots and their paths in a circular int arena, both filled in
 * insertion order, so the oldest entry is always at the head of both and eviction is plain FIFO: it needs
 * no timestamps or access bookkeeping and depends on nothing but the sequence of resolves. A path that
 * does not fit before the end of the arena restarts at 0 and the skipped tail counts as part of it until
 * it is evicted. Keys are found through an open-addressing table of slot numbers with linear probing and
 * backward-shift deletion (no tombstones to accumulate), hashed by a fixed mix of the three ints.
 *
 * <p><b>Outputs do not depend on the cache.</b> Every path comes from {@link AStarPathfinder}, which returns
 * the identical path for the identical query, so a recomputed path equals the one that was evicted and a
 * one-entry cache answers exactly like a huge one; only the hit and miss counters differ.
 *
 * <p><b>Handles.</b> {@link #resolve} returns a slot handle. A slot is reused once its entry is evicted, so
 * holders keep {@link #generation(int)} alongside and check {@link #isLive(int, long)} before reading; on
 * false they resolve again. Unreachable queries are cached like paths (they are the costliest searches)
 * and answer {@link #NO_PATH}. A path longer than the whole arena is not cached: it comes back through a
 * scratch handle that stays live until the next resolve, reading the finder's own buffer (so also only
 * until that finder searches again).
 *
 * <p>Allocates only in the constructor (the finder sizes itself once per larger map it meets). Not
 * thread-safe: one cache per engine thread, like its finder.
 */
public final class PathCache
{
    public static final int NO_PATH = -1;

    /** The budget replay, recovery and the service use unless told otherwise: about 218,000 paths of 64 tiles. */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;

    /** Bytes per entry across the slot arrays: seven ints and one long. */
    private static final int SLOT_BYTES = 7 * Integer.BYTES + Long.BYTES;
    /** Typical path length {@link #ofBudget} plans for; longer paths just mean fewer entries fit the arena. */
    private static final int PLANNED_TILES_PER_ENTRY = 64;
    private static final int MAX_ENTRIES = 1 << 28;
    private static final int MAX_ARENA = Integer.MAX_VALUE - 16;

    private final AStarPathfinder finder;
    private final int maxEntries;
    private final int maxTiles;
    private final int scratchHandle;

    private final int[] keyMap;
    private final int[] keyFrom;
    private final int[] keyTo;
    private final int[] keyHash;
    private final int[] start;
    private final int[] length;
    private final int[] extent;
    private final long[] generation;
    private int oldestSlot;
    private int count;

    private final int[] index;
    private final int indexMask;

    private final int[] arena;
    private int arenaHead;
    private int arenaUsed;

    private long nextGeneration = 1;
    private long scratchGeneration;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * @param maxEntries most paths (and cached unreachable answers) held at once
     * @param maxTiles   capacity of the arena holding all cached paths, in tiles
     */
    public PathCache(final int maxEntries, final int maxTiles, final AStarPathfinder finder)
    {
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES)
        {
            throw new IllegalArgumentException("maxEntries must be 1.." + MAX_ENTRIES + ": " + maxEntries);
        }
        if (maxTiles < 1 || maxTiles > MAX_ARENA)
        {
            throw new IllegalArgumentException("maxTiles must be 1.." + MAX_ARENA + ": " + maxTiles);
        }
        if (finder == null)
        {
            throw new IllegalArgumentException("finder is null");
        }
        this.finder = finder;
        this.maxEntries = maxEntries;
        this.maxTiles = maxTiles;
        this.scratchHandle = maxEntries;
        keyMap = new int[maxEntries];
        keyFrom = new int[maxEntries];
        keyTo = new int[maxEntries];
        keyHash = new int[maxEntries];
        start = new int[maxEntries];
        length = new int[maxEntries];
        extent = new int[maxEntries];
        generation = new long[maxEntries];
        index = new int[indexSize(maxEntries)];
        indexMask = index.length - 1;
        arena = new int[maxTiles];
    }

    /**
     * Splits {@code bytes} between slots, index and arena, planning for paths of about
     * {@value #PLANNED_TILES_PER_ENTRY} tiles. {@link #budgetBytes()} of the result never exceeds {@code bytes}.
     */
    public static PathCache ofBudget(final long bytes, final AStarPathfinder finder)
    {
        final long perEntry = SLOT_BYTES + 4L * Integer.BYTES + (long)PLANNED_TILES_PER_ENTRY * Integer.BYTES;
        final int entries = (int)Math.min(MAX_ENTRIES, Math.max(1, bytes / perEntry));
        final long tiles = Math.min(MAX_ARENA, (bytes - fixedBytes(entries)) / Integer.BYTES);
        if (tiles < 1)
        {
            throw new IllegalArgumentException("a path cache needs more than " + bytes + " bytes");
        }
        return new PathCache(entries, (int)tiles, finder);
    }

    /** Payload bytes of every array this cache allocated (array headers and the finder not included). */
    public long budgetBytes()
    {
        return fixedBytes(maxEntries) + (long)maxTiles * Integer.BYTES;
    }

    /**
     * @return a handle for {@link #length}/{@link #step}, or {@link #NO_PATH} when {@code toTile} cannot be
     *         reached from {@code fromTile} (or either is blocked)
     * @throws IllegalArgumentException on a miss whose tiles lie outside {@code map}
     */
    public int resolve(final int mapId, final GridMap map, final int fromTile, final int toTile)
    {
        scratchGeneration = 0;
        final int hash = hash(mapId, fromTile, toTile);
        final int cached = lookup(hash, mapId, fromTile, toTile);
        if (cached >= 0)
        {
            hits++;
            return length[cached] == NO_PATH ? NO_PATH : cached;
        }
        misses++;
        final int steps = finder.find(map, fromTile, toTile);
        if (steps > maxTiles)
        {
            scratchGeneration = nextGeneration++;
            return scratchHandle;
        }
        final int slot = insert(hash, mapId, fromTile, toTile, steps);
        return steps == NO_PATH ? NO_PATH : slot;
    }

    /** Stamp of what {@code handle} holds now; keep it with the handle and pass it to {@link #isLive}. */
    public long generation(final int handle)
    {
        return handle == scratchHandle ? scratchGeneration : generation[handle];
    }

    /** Whether {@code handle} still holds the path it held when {@code generation} was read. */
    public boolean isLive(final int handle, final long generation)
    {
        return handle >= 0 && handle <= scratchHandle && generation != 0 && generation(handle) == generation;
    }

    /** Steps in the path behind a live handle (0 when start equals goal). */
    public int length(final int handle)
    {
        return handle == scratchHandle ? finder.lastLength() : length[handle];
    }

    /** Tile of step {@code i}, 0-based; the goal is step {@code length(handle) - 1}. */
    public int step(final int handle, final int i)
    {
        if (handle == scratchHandle)
        {
            return finder.step(i);
        }
        if (i < 0 || i >= length[handle])
        {
            throw new IndexOutOfBoundsException("step " + i + " of a " + length[handle] + "-step path");
        }
        final int at = start[handle] + i;
        return arena[at];
    }

    public long hits()
    {
        return hits;
    }

    public long misses()
    {
        return misses;
    }

    public long evictions()
    {
        return evictions;
    }

    /** Entries cached now, unreachable answers included. */
    public int size()
    {
        return count;
    }

    public int maxEntries()
    {
        return maxEntries;
    }

    public int maxTiles()
    {
        return maxTiles;
    }

    private int insert(final int hash, final int mapId, final int fromTile, final int toTile, final int steps)
    {
        final int tiles = Math.max(steps, 0);
        if (count == maxEntries)
        {
            evictOldest();
        }
        int dataStart;
        int dataExtent;
        while (true)
        {
            final int tail = (int)(((long)arenaHead + arenaUsed) % maxTiles);
            final boolean fits = tail + tiles <= maxTiles;
            dataStart = fits ? tail : 0;
            dataExtent = fits ? tiles : maxTiles - tail + tiles;
            if (dataExtent <= maxTiles - arenaUsed)
            {
                break;
            }
            evictOldest();
        }
        if (tiles > 0)
        {
            finder.copyPath(arena, dataStart);
        }

        final int slot = (int)(((long)oldestSlot + count) % maxEntries);
        count++;
        keyMap[slot] = mapId;
        keyFrom[slot] = fromTile;
        keyTo[slot] = toTile;
        keyHash[slot] = hash;
        start[slot] = dataStart;
        length[slot] = steps;
        extent[slot] = dataExtent;
        generation[slot] = nextGeneration++;
        arenaUsed += dataExtent;
        indexAdd(slot);
        return slot;
    }

    private void evictOldest()
    {
        final int slot = oldestSlot;
        indexRemove(slot);
        generation[slot] = 0;
        arenaHead = (int)(((long)arenaHead + extent[slot]) % maxTiles);
        arenaUsed -= extent[slot];
        oldestSlot = oldestSlot + 1 == maxEntries ? 0 : oldestSlot + 1;
        count--;
        evictions++;
        if (count == 0)
        {
            // An empty arena restarts at 0 so a path as long as the arena always fits without wrapping.
            arenaHead = 0;
            arenaUsed = 0;
        }
    }

    private int lookup(final int hash, final int mapId, final int fromTile, final int toTile)
    {
        for (int pos = hash & indexMask; ; pos = (pos + 1) & indexMask)
        {
            final int slot = index[pos] - 1;
            if (slot < 0)
            {
                return -1;
            }
            if (keyTo[slot] == toTile && keyFrom[slot] == fromTile && keyMap[slot] == mapId)
            {
                return slot;
            }
        }
    }

    private void indexAdd(final int slot)
    {
        int pos = keyHash[slot] & indexMask;
        while (index[pos] != 0)
        {
            pos = (pos + 1) & indexMask;
        }
        index[pos] = slot + 1;
    }

    /** Backward-shift deletion: pulls later members of the probe run into the hole so no tombstone is needed. */
    private void indexRemove(final int slot)
    {
        int hole = keyHash[slot] & indexMask;
        while (index[hole] != slot + 1)
        {
            hole = (hole + 1) & indexMask;
        }
        for (int pos = (hole + 1) & indexMask; index[pos] != 0; pos = (pos + 1) & indexMask)
        {
            final int home = keyHash[index[pos] - 1] & indexMask;
            // The member at pos may move back only if its home is not cyclically within (hole, pos].
            final boolean staysPut = hole < pos ? home > hole && home <= pos : home > hole || home <= pos;
            if (!staysPut)
            {
                index[hole] = index[pos];
                hole = pos;
            }
        }
        index[hole] = 0;
    }

    /** Fixed 64-bit multiply-xorshift mix; never identity or Object hashing, so layout is reproducible. */
    static int hash(final int mapId, final int fromTile, final int toTile)
    {
        long h = mapId * 0x9E3779B97F4A7C15L + fromTile;
        h = h * 0xC2B2AE3D27D4EB4FL + toTile;
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 29;
        return (int)h;
    }

    /** Load factor at most one half keeps linear-probe runs short. */
    private static int indexSize(final int entries)
    {
        return Integer.highestOneBit(entries * 2 - 1) << 1;
    }

    private static long fixedBytes(final int entries)
    {
        return (long)SLOT_BYTES * entries + (long)indexSize(entries) * Integer.BYTES;
    }
}
