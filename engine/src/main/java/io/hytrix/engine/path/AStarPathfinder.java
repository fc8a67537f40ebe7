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
 * is consistent under the no-corner-cutting rule, so a closed node is never reopened.
 *
 * <p><b>Memory.</b> Everything a search reads about a node (stamp, g, parent, closed) sits in one 16-byte
 * record so a visit costs one cache line, not one per field. A generation stamp marks which records belong
 * to the current search, so nothing is cleared between searches. The open list is a binary heap of
 * two-long entries (f; heuristic and tile) that carry their own ordering, so sifting never touches node
 * records; a cheaper g is pushed as a new entry and the stale one is skipped when it surfaces, its node
 * already closed. Arrays are sized to the largest map seen; the heap grows only if a search needs more
 * entries than any before it. Not thread-safe: one instance per thread.
 */
public final class AStarPathfinder
{
    public static final int NO_PATH = -1;
    public static final double SQRT2 = Math.sqrt(2.0);

    // Node record: four ints per tile.
    private static final int STAMP = 0;
    private static final int G_STRAIGHT = 1;
    private static final int G_DIAGONAL = 2;
    private static final int FLAGS = 3;
    private static final int PARENT_MASK = 7;
    private static final int CLOSED = 8;

    // Heap entry secondary key: heuristic in 2^-20 units above the tile index. Distinct octile heuristics
    // on a 4096-wide map differ by more than 8e-5, far above the quantum, and are below 2^13, so 33 bits.
    private static final int TILE_BITS = 24;
    private static final long TILE_MASK = (1L << TILE_BITS) - 1;
    private static final double H_SCALE = 1 << 20;

    private int capacity;
    private int generation;
    private int[] nodes = new int[0];
    private long[] heap = new long[0];
    private int heapSize;
    private int[] path = new int[0];
    private final int[] stepOffsets = new int[GridMap.DIRECTIONS];

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
            nodes = new int[tiles * 4];
            path = new int[tiles];
            if (heap.length < tiles * 2)
            {
                heap = new long[tiles * 2];
            }
            capacity = tiles;
            generation = 0;
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
        nextGeneration();
        for (int d = 0; d < GridMap.DIRECTIONS; d++)
        {
            stepOffsets[d] = map.stepOffset(d);
        }
        final int width = map.width();
        final int goalX = to % width;
        final int goalY = to / width;
        final int[] nodes = this.nodes;
        final int gen = generation;

        heapSize = 0;
        final int start = from << 2;
        nodes[start + STAMP] = gen;
        nodes[start + G_STRAIGHT] = 0;
        nodes[start + G_DIAGONAL] = 0;
        nodes[start + FLAGS] = 0;
        push(from, 0, 0, from % width, from / width, goalX, goalY);
        long expanded = 0;
        while (heapSize > 0)
        {
            final int current = pop();
            final int record = current << 2;
            final int flags = nodes[record + FLAGS];
            if ((flags & CLOSED) != 0)
            {
                continue;
            }
            nodes[record + FLAGS] = flags | CLOSED;
            if (current == to)
            {
                lastExpanded = expanded;
                return reconstruct(from, to);
            }
            expanded++;

            final int x = current % width;
            final int y = current / width;
            final int baseStraight = nodes[record + G_STRAIGHT];
            final int baseDiagonal = nodes[record + G_DIAGONAL];
            int mask = map.stepMask(current);
            while (mask != 0)
            {
                final int d = Integer.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                final int next = current + stepOffsets[d];
                final int diagonal = d & 1;
                final int straight = baseStraight + 1 - diagonal;
                final int diag = baseDiagonal + diagonal;
                final int n = next << 2;
                if (nodes[n + STAMP] != gen)
                {
                    nodes[n + STAMP] = gen;
                }
                else if ((nodes[n + FLAGS] & CLOSED) != 0
                    || compare(straight, diag, nodes[n + G_STRAIGHT], nodes[n + G_DIAGONAL]) >= 0)
                {
                    continue;
                }
                nodes[n + G_STRAIGHT] = straight;
                nodes[n + G_DIAGONAL] = diag;
                nodes[n + FLAGS] = d;
                push(next, straight, diag, x + GridMap.stepDx(d), y + GridMap.stepDy(d), goalX, goalY);
            }
        }
        lastExpanded = expanded;
        return noPath();
    }

    private void push(
        final int tile, final int straight, final int diagonal, final int x, final int y, final int goalX,
        final int goalY)
    {
        final int dx = Math.abs(x - goalX);
        final int dy = Math.abs(y - goalY);
        final int hDiagonal = Math.min(dx, dy);
        final int hStraight = Math.max(dx, dy) - hDiagonal;
        final double f = (straight + hStraight) + (diagonal + hDiagonal) * SQRT2;
        final long h = Math.round((hStraight + hDiagonal * SQRT2) * H_SCALE);
        if (heapSize * 2 == heap.length)
        {
            // Only when this search holds more stale entries than any before: a one-off, not per search.
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        // Non-negative doubles order exactly as their raw bits do as longs.
        siftUp(heapSize++, Double.doubleToRawLongBits(f), h << TILE_BITS | tile);
    }

    private int pop()
    {
        final long[] heap = this.heap;
        final int top = (int)(heap[1] & TILE_MASK);
        final int last = --heapSize;
        if (last > 0)
        {
            siftDown(heap[last * 2], heap[last * 2 + 1], last);
        }
        return top;
    }

    private void siftUp(int at, final long primary, final long secondary)
    {
        final long[] heap = this.heap;
        while (at > 0)
        {
            final int parent = (at - 1) >>> 1;
            final long p = heap[parent * 2];
            if (primary > p || (primary == p && secondary > heap[parent * 2 + 1]))
            {
                break;
            }
            heap[at * 2] = p;
            heap[at * 2 + 1] = heap[parent * 2 + 1];
            at = parent;
        }
        heap[at * 2] = primary;
        heap[at * 2 + 1] = secondary;
    }

    /** Re-seats {@code (primary, secondary)}, taken from slot {@code size}, starting from the root. */
    private void siftDown(final long primary, final long secondary, final int size)
    {
        final long[] heap = this.heap;
        int at = 0;
        while (true)
        {
            int child = (at << 1) + 1;
            if (child >= size)
            {
                break;
            }
            long cp = heap[child * 2];
            long cs = heap[child * 2 + 1];
            final int right = child + 1;
            if (right < size)
            {
                final long rp = heap[right * 2];
                final long rs = heap[right * 2 + 1];
                if (rp < cp || (rp == cp && rs < cs))
                {
                    child = right;
                    cp = rp;
                    cs = rs;
                }
            }
            if (primary < cp || (primary == cp && secondary < cs))
            {
                break;
            }
            heap[at * 2] = cp;
            heap[at * 2 + 1] = cs;
            at = child;
        }
        heap[at * 2] = primary;
        heap[at * 2 + 1] = secondary;
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
        final int[] nodes = this.nodes;
        int steps = 0;
        for (int tile = to; tile != from; tile -= stepOffsets[nodes[(tile << 2) + FLAGS] & PARENT_MASK])
        {
            steps++;
        }
        int tile = to;
        for (int i = steps - 1; i >= 0; i--)
        {
            path[i] = tile;
            tile -= stepOffsets[nodes[(tile << 2) + FLAGS] & PARENT_MASK];
        }
        return found(steps, nodes[(to << 2) + G_STRAIGHT], nodes[(to << 2) + G_DIAGONAL]);
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

    private void nextGeneration()
    {
        if (++generation == Integer.MAX_VALUE)
        {
            // Once per ~2 billion searches: restart the stamps rather than let an old one alias the new.
            Arrays.fill(nodes, 0);
            generation = 1;
        }
    }
}
