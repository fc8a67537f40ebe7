package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;

import java.util.Arrays;

/**
 * Optimal A* over a {@link GridMap} with the octile heuristic, built to give the same path for the same
 * query every time, on every JVM, whatever searches ran before.
 *
 * <p><b>Costs.</b> A path cost is {@code straight + diagonal * sqrt(2)}. Each node keeps its g as an exact
 * (straight, diagonal) pair and is only re-parented on an exactly cheaper g, and {@link #lastCost()} is one
 * rounding away from the true length. The open list orders nodes by f as a double computed from the exact
 * pair, which is safe: distinct costs {@code s + d*sqrt2} with {@code d < 2^24} (any path on a map within
 * {@link GridMap#MAX_DIMENSION}) differ by more than {@code 1/(2*sqrt2*2^24) ~ 2e-8}, while the double
 * is within 1e-8 of its value, so the doubles compare exactly as the true costs do, ties included.
 *
 * <p><b>Tie-break (fixed).</b> The open list pops the lowest f; among equal f the lowest heuristic, which
 * is the highest g (deepest, heading for the goal instead of widening the frontier); among those the
 * lowest tile index. Neighbours are generated N, NE, E, SE, S, SW, W, NW, and a node is re-parented only
 * on a strictly cheaper g, so among equal-cost parents the first one expanded wins. The octile heuristic
 * is consistent under the no-corner-cutting rule, so a closed node is never reopened. Open-list entries
 * are totally ordered and never equal, so the pop sequence depends only on what was pushed, not on how
 * the open list is laid out.
 *
 * <p><b>Memory.</b> A search spends its time asking "seen? closed?" about neighbours, so those answers are
 * bits, 64 tiles to a group, each group led by the generation that last touched it: 24 bytes per 64 tiles,
 * small enough to stay in L2 even for 512 x 512 maps. A group from an older search reads as all-clear and
 * is reset on first touch, so nothing is cleared between searches. Exact g and parent direction sit in a
 * long per tile, read only for nodes already seen. The open list is a binary heap of two-long entries
 * (f; heuristic and tile) that carry their own ordering, so sifting never touches per-tile arrays; a
 * cheaper g is pushed as a new entry and the stale one is skipped when it surfaces, its node already
 * closed. Arrays are sized to the largest map seen and the heap grows only if a search needs more entries
 * than any before it, so after warm-up a search allocates nothing. Not thread-safe: one instance per
 * thread.
 */
public final class AStarPathfinder
{
    public static final int NO_PATH = -1;
    public static final double SQRT2 = Math.sqrt(2.0);

    // Per-tile record: parent direction, then 25 bits for each step count, enough for any path on a
    // 4096 x 4096 map (at most 2^24 steps).
    private static final int STRAIGHT_SHIFT = 3;
    private static final int DIAGONAL_SHIFT = STRAIGHT_SHIFT + 25;
    private static final long COUNT_MASK = (1L << 25) - 1;

    // Per-group flags: [generation, seen bits, closed bits] for 64 consecutive tiles.
    private static final int GROUP_SHIFT = 6;
    private static final int GROUP_LONGS = 3;
    private static final int SEEN = 1;
    private static final int CLOSED = 2;

    // Heap entry secondary key: the heuristic in fixed point (2^-26 units, 39 bits) above the tile index.
    // With hStraight + hDiagonal < 4096, distinct heuristics differ by more than 1e-4 while rounding sqrt2
    // to 26 bits is off by under 2.5e-5 per heuristic, so the integer keys keep the exact order.
    private static final int TILE_BITS = 24;
    private static final long TILE_MASK = (1L << TILE_BITS) - 1;
    private static final int H_FRACTION_BITS = 26;
    private static final long SQRT2_FIXED = Math.round(Math.sqrt(2.0) * (1L << H_FRACTION_BITS));
    // y = tile * reciprocal >>> 40 is exact for tile < 2^24 and width <= 4096: the error stays below 2^-16.
    private static final int RECIPROCAL_SHIFT = 40;

    private static final int INITIAL_HEAP_LIMIT = 1 << 18;

    private int capacity;
    private long generation;
    private long[] flags = new long[0];
    private long[] records = new long[0];
    private long[] heap = new long[0];
    private int heapSize;
    // One entry held beside the heap: the best pushed since the last pop, often the very next node
    // expanded (in open ground f stays level on the way to the goal), so it skips the heap entirely.
    private boolean stashed;
    private long stashPrimary;
    private long stashSecondary;
    private int[] path = new int[0];

    private final int[] stepOffsets = new int[GridMap.DIRECTIONS];
    private int width;
    private long reciprocal;
    private int goalX;
    private int goalY;

    private int lastLength;
    private int lastStraight;
    private int lastDiagonal;
    private double lastCost;
    private long lastExpanded;

    /** Pre-sizes for maps of up to {@code tiles} tiles so even the first search on them allocates nothing. */
    public AStarPathfinder ensureCapacity(final int tiles)
    {
        if (tiles > capacity)
        {
            flags = new long[((tiles >>> GROUP_SHIFT) + 1) * GROUP_LONGS];
            records = new long[tiles];
            path = new int[tiles];
            // Room for every tile at once up to 2^18 tiles; frontiers on bigger maps are far smaller than the
            // map, and the rare search that outgrows this doubles it once for good.
            final int entries = Math.min(tiles, INITIAL_HEAP_LIMIT);
            if (heap.length < entries * 2)
            {
                heap = new long[entries * 2];
            }
            capacity = tiles;
        }
        return this;
    }

    /**
     * Finds a shortest path; read it with {@link #step(int)} until the next search.
     *
     * @return steps in the path (tiles after the start, up to and including the goal; 0 when
     *         {@code fromTile == toTile}), or {@link #NO_PATH} when the goal cannot be reached or either end
     *         is blocked
     * @throws IllegalArgumentException if either tile is outside the map
     */
    public int find(final GridMap map, final int fromTile, final int toTile)
    {
        if (!map.validTile(fromTile) || !map.validTile(toTile))
        {
            throw new IllegalArgumentException(
                "tile out of range for " + map.name() + " (" + map.tileCount() + " tiles): " + fromTile + " -> " + toTile);
        }
        ensureCapacity(map.tileCount());
        lastExpanded = 0;
        if (!map.passableTile(fromTile) || !map.passableTile(toTile))
        {
            return noPath();
        }
        if (fromTile == toTile)
        {
            return found(0, 0, 0);
        }
        return search(map, fromTile, toTile);
    }

    /**
     * As {@link #find(GridMap, int, int)}, also copying the path into {@code out}. If the path has more steps
     * than {@code out} holds only the first {@code out.length} are copied; the full count is still returned.
     */
    public int find(final GridMap map, final int fromTile, final int toTile, final int[] out)
    {
        final int steps = find(map, fromTile, toTile);
        if (steps > 0)
        {
            System.arraycopy(path, 0, out, 0, Math.min(steps, out.length));
        }
        return steps;
    }

    /** Tile of step {@code i} (0-based, the goal is step {@code lastLength() - 1}) of the last path found. */
    public int step(final int i)
    {
        if (i < 0 || i >= lastLength)
        {
            throw new IndexOutOfBoundsException("step " + i + " of a " + lastLength + "-step path");
        }
        return path[i];
    }

    /** Copies the last path into {@code dst} from {@code offset}; the caller guarantees the room. */
    public void copyPath(final int[] dst, final int offset)
    {
        System.arraycopy(path, 0, dst, offset, lastLength);
    }

    /** Steps of the last search's path, {@link #NO_PATH} if it found none. */
    public int lastLength()
    {
        return lastLength;
    }

    /** Length of the last path, {@code straight + diagonal * sqrt(2)}; positive infinity when none was found. */
    public double lastCost()
    {
        return lastCost;
    }

    public int lastStraightSteps()
    {
        return lastStraight;
    }

    public int lastDiagonalSteps()
    {
        return lastDiagonal;
    }

    /** Nodes the last search expanded (closed and generated neighbours of); the goal itself is not counted. */
    public long lastExpanded()
    {
        return lastExpanded;
    }

    /** Tiles the per-search arrays currently hold. */
    public int capacity()
    {
        return capacity;
    }

    private int search(final GridMap map, final int from, final int to)
    {
        final long gen = ++generation;
        for (int d = 0; d < GridMap.DIRECTIONS; d++)
        {
            stepOffsets[d] = map.stepOffset(d);
        }
        width = map.width();
        reciprocal = ((1L << RECIPROCAL_SHIFT) + width - 1) / width;
        goalY = row(to);
        goalX = to - goalY * width;
        final long[] flags = this.flags;
        final long[] records = this.records;

        heapSize = 0;
        stashed = false;
        markSeen(flags, from, gen);
        records[from] = 0;
        push(from, 0, 0);
        long expanded = 0;
        while (stashed || heapSize > 0)
        {
            final int current = pop();
            final int group = (current >>> GROUP_SHIFT) * GROUP_LONGS;
            final long bit = 1L << current;
            if ((flags[group + CLOSED] & bit) != 0)
            {
                // A stale entry: the node was reached more cheaply after this was pushed, and closed since.
                continue;
            }
            flags[group + CLOSED] |= bit;
            if (current == to)
            {
                lastExpanded = expanded;
                return reconstruct(from, to);
            }
            expanded++;

            final long record = records[current];
            final int baseStraight = (int)(record >>> STRAIGHT_SHIFT & COUNT_MASK);
            final int baseDiagonal = (int)(record >>> DIAGONAL_SHIFT);
            int mask = map.stepMask(current);
            while (mask != 0)
            {
                final int d = Integer.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                final int next = current + stepOffsets[d];
                final int diagonal = d & 1;
                final int straight = baseStraight + 1 - diagonal;
                final int diag = baseDiagonal + diagonal;
                if (!markSeen(flags, next, gen))
                {
                    final int nextGroup = (next >>> GROUP_SHIFT) * GROUP_LONGS;
                    if ((flags[nextGroup + CLOSED] & 1L << next) != 0)
                    {
                        continue;
                    }
                    final long old = records[next];
                    if (compare(straight, diag, (int)(old >>> STRAIGHT_SHIFT & COUNT_MASK), (int)(old >>> DIAGONAL_SHIFT)) >= 0)
                    {
                        continue;
                    }
                }
                records[next] = d | (long)straight << STRAIGHT_SHIFT | (long)diag << DIAGONAL_SHIFT;
                push(next, straight, diag);
            }
        }
        lastExpanded = expanded;
        return noPath();
    }

    /**
     * Marks {@code tile} seen in this search, first resetting its group if an older search left it.
     *
     * @return true if it was not seen before
     */
    private static boolean markSeen(final long[] flags, final int tile, final long gen)
    {
        final int group = (tile >>> GROUP_SHIFT) * GROUP_LONGS;
        final long bit = 1L << tile;
        if (flags[group] != gen)
        {
            flags[group] = gen;
            flags[group + SEEN] = bit;
            flags[group + CLOSED] = 0;
            return true;
        }
        final long seen = flags[group + SEEN];
        flags[group + SEEN] = seen | bit;
        return (seen & bit) == 0;
    }

    private int row(final int tile)
    {
        return (int)(tile * reciprocal >>> RECIPROCAL_SHIFT);
    }

    private void push(final int tile, final int straight, final int diagonal)
    {
        final int y = row(tile);
        final int dx = Math.abs(tile - y * width - goalX);
        final int dy = Math.abs(y - goalY);
        final int hDiagonal = Math.min(dx, dy);
        final int hStraight = Math.max(dx, dy) - hDiagonal;
        final double f = (straight + hStraight) + (diagonal + hDiagonal) * SQRT2;
        final long h = ((long)hStraight << H_FRACTION_BITS) + hDiagonal * SQRT2_FIXED;
        // Non-negative doubles order exactly as their raw bits do as longs.
        final long primary = Double.doubleToRawLongBits(f);
        final long secondary = h << TILE_BITS | tile;
        if (!stashed)
        {
            stash(primary, secondary);
        }
        else if (before(primary, secondary, stashPrimary, stashSecondary))
        {
            heapPush(stashPrimary, stashSecondary);
            stash(primary, secondary);
        }
        else
        {
            heapPush(primary, secondary);
        }
    }

    private void stash(final long primary, final long secondary)
    {
        stashed = true;
        stashPrimary = primary;
        stashSecondary = secondary;
    }

    /** The least entry of stash and heap together: the pop order of one priority queue holding both. */
    private int pop()
    {
        if (stashed && (heapSize == 0 || before(stashPrimary, stashSecondary, heap[0], heap[1])))
        {
            stashed = false;
            return (int)(stashSecondary & TILE_MASK);
        }
        return heapPop();
    }

    private void heapPush(final long primary, final long secondary)
    {
        if (heapSize * 2 == heap.length)
        {
            // Only when this search holds more stale entries than any before: a one-off, not per search.
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        siftUp(heapSize++, primary, secondary);
    }

    /**
     * Removes the root by walking the hole down the smaller children to a leaf, then lifting the last entry
     * from there: the last entry almost always belongs near the bottom, so this costs one comparison per
     * level instead of two. The sibling choice is written without short-circuits so it can compile to
     * conditional moves, since which sibling wins is a coin toss a branch predictor cannot learn. No
     * right-child bounds test is needed: while the hole is above {@code size}, slot {@code size} still
     * holds the old last entry, a real one.
     */
    private int heapPop()
    {
        final long[] heap = this.heap;
        final int top = (int)(heap[1] & TILE_MASK);
        final int size = --heapSize;
        int at = 0;
        int child;
        while ((child = (at << 1) + 1) < size)
        {
            final long leftPrimary = heap[child * 2];
            final long rightPrimary = heap[child * 2 + 2];
            final boolean rightFirst = rightPrimary < leftPrimary
                | (rightPrimary == leftPrimary & heap[child * 2 + 3] < heap[child * 2 + 1]);
            child += rightFirst ? 1 : 0;
            heap[at * 2] = heap[child * 2];
            heap[at * 2 + 1] = heap[child * 2 + 1];
            at = child;
        }
        if (at != size)
        {
            siftUp(at, heap[size * 2], heap[size * 2 + 1]);
        }
        return top;
    }

    private void siftUp(int at, final long primary, final long secondary)
    {
        final long[] heap = this.heap;
        while (at > 0)
        {
            final int parent = (at - 1) >>> 1;
            if (!before(primary, secondary, heap[parent * 2], heap[parent * 2 + 1]))
            {
                break;
            }
            heap[at * 2] = heap[parent * 2];
            heap[at * 2 + 1] = heap[parent * 2 + 1];
            at = parent;
        }
        heap[at * 2] = primary;
        heap[at * 2 + 1] = secondary;
    }

    /** The documented pop order: lower f, then lower heuristic (so higher g), then lower tile. */
    private static boolean before(final long primaryA, final long secondaryA, final long primaryB, final long secondaryB)
    {
        return primaryA < primaryB || (primaryA == primaryB && secondaryA < secondaryB);
    }

    /**
     * Exact sign of {@code (s1 + d1*sqrt2) - (s2 + d2*sqrt2)}. When the two parts pull opposite ways it
     * compares their squares; they are never equal because sqrt2 is irrational, and the squares of counts
     * bounded by a 4096x4096 map fit a long easily.
     */
    static int compare(final int s1, final int d1, final int s2, final int d2)
    {
        final long ds = (long)s1 - s2;
        final long dd = (long)d1 - d2;
        if (dd == 0)
        {
            return Long.signum(ds);
        }
        if (ds == 0 || (ds > 0) == (dd > 0))
        {
            return Long.signum(dd);
        }
        final boolean straightWins = ds * ds > 2 * dd * dd;
        return straightWins == (ds > 0) ? 1 : -1;
    }

    private int reconstruct(final int from, final int to)
    {
        final long[] records = this.records;
        int steps = 0;
        for (int tile = to; tile != from; tile -= stepOffsets[(int)records[tile] & 7])
        {
            steps++;
        }
        int tile = to;
        for (int i = steps - 1; i >= 0; i--)
        {
            path[i] = tile;
            tile -= stepOffsets[(int)records[tile] & 7];
        }
        final long goal = records[to];
        return found(steps, (int)(goal >>> STRAIGHT_SHIFT & COUNT_MASK), (int)(goal >>> DIAGONAL_SHIFT));
    }

    private int found(final int steps, final int straight, final int diagonal)
    {
        lastLength = steps;
        lastStraight = straight;
        lastDiagonal = diagonal;
        lastCost = straight + diagonal * SQRT2;
        return steps;
    }

    private int noPath()
    {
        lastLength = NO_PATH;
        lastStraight = 0;
        lastDiagonal = 0;
        lastCost = Double.POSITIVE_INFINITY;
        return NO_PATH;
    }
}
