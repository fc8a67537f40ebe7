package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;

import java.util.Arrays;

/**
 * Optimal A* over a {@link GridMap} with the octile heuristic, built to give the same path for the same
 * query every time, on every JVM, whatever searches ran before.
 *
 * <p><b>Exact costs.</b> A path cost is {@code straight + diagonal * sqrt(2)}; g and f are kept as exact
 * (straight, diagonal) integer pairs and compared exactly, so ties are real ties rather than rounding noise
 * and {@link #lastCost()} is one rounding away from the true length. The heap caches each f as a double
 * and only falls back to the exact test when two doubles are too close to trust.
 *
 * <p><b>Tie-break (fixed).</b> The open node popped next has the lowest f; among equal f the highest g
 * (deepest, which heads for the goal instead of widening the frontier); among equal g the lowest tile
 * index. Neighbours are generated N, NE, E, SE, S, SW, W, NW, and a node's parent changes only on a
 * strictly cheaper g, so among equal-cost parents the first one expanded wins. The octile heuristic is
 * consistent under the no-corner-cutting rule, so a closed node is never reopened.
 *
 * <p><b>No allocation per search.</b> Per-tile arrays are sized to the largest map seen and grow only when
 * a bigger one arrives. A generation stamp marks which entries belong to the current search, so nothing is
 * cleared between searches. Not thread-safe: one instance per thread.
 */
public final class AStarPathfinder
{
    public static final int NO_PATH = -1;
    public static final double SQRT2 = Math.sqrt(2.0);

    private static final int CLOSED = -1;
    // Cached f doubles are within ~1e-7 of the exact value for any cost a 4096x4096 map allows.
    private static final double EXACT_BELOW = 1e-6;

    private int capacity;
    private int generation;
    private int[] stamp = new int[0];
    private int[] gStraight = new int[0];
    private int[] gDiagonal = new int[0];
    private int[] fStraight = new int[0];
    private int[] fDiagonal = new int[0];
    private int[] heapIndex = new int[0];
    private byte[] parentDirection = new byte[0];
    private int[] heapTile = new int[0];
    private double[] heapKey = new double[0];
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
            stamp = new int[tiles];
            gStraight = new int[tiles];
            gDiagonal = new int[tiles];
            fStraight = new int[tiles];
            fDiagonal = new int[tiles];
            heapIndex = new int[tiles];
            parentDirection = new byte[tiles];
            heapTile = new int[tiles];
            heapKey = new double[tiles];
            path = new int[tiles];
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
        final int[] stamp = this.stamp;
        final int[] gStraight = this.gStraight;
        final int[] gDiagonal = this.gDiagonal;
        final int[] heapIndex = this.heapIndex;
        final int gen = generation;

        heapSize = 0;
        open(from, 0, 0, from % width, from / width, goalX, goalY, 0);
        long expanded = 0;
        while (heapSize > 0)
        {
            final int current = pop();
            if (current == to)
            {
                lastExpanded = expanded;
                return reconstruct(from, to);
            }
            heapIndex[current] = CLOSED;
            expanded++;

            final int x = current % width;
            final int y = current / width;
            final int baseStraight = gStraight[current];
            final int baseDiagonal = gDiagonal[current];
            int mask = map.stepMask(current);
            while (mask != 0)
            {
                final int d = Integer.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                final int next = current + stepOffsets[d];
                final int diagonal = d & 1;
                final int straight = baseStraight + 1 - diagonal;
                final int diag = baseDiagonal + diagonal;
                if (stamp[next] != gen)
                {
                    open(next, straight, diag, x + GridMap.stepDx(d), y + GridMap.stepDy(d), goalX, goalY, d);
                }
                else
                {
                    final int at = heapIndex[next];
                    if (at != CLOSED && compare(straight, diag, gStraight[next], gDiagonal[next]) < 0)
                    {
                        improve(next, at, straight, diag, d);
                    }
                }
            }
        }
        lastExpanded = expanded;
        return noPath();
    }

    private void open(
        final int tile, final int straight, final int diagonal, final int x, final int y, final int goalX,
        final int goalY, final int direction)
    {
        stamp[tile] = generation;
        final int dx = Math.abs(x - goalX);
        final int dy = Math.abs(y - goalY);
        final int hDiagonal = Math.min(dx, dy);
        final int hStraight = Math.max(dx, dy) - hDiagonal;
        gStraight[tile] = straight;
        gDiagonal[tile] = diagonal;
        fStraight[tile] = straight + hStraight;
        fDiagonal[tile] = diagonal + hDiagonal;
        parentDirection[tile] = (byte)direction;
        final int at = heapSize++;
        heapTile[at] = tile;
        heapKey[at] = fStraight[tile] + fDiagonal[tile] * SQRT2;
        heapIndex[tile] = at;
        siftUp(at);
    }

    private void improve(final int tile, final int at, final int straight, final int diagonal, final int direction)
    {
        // h is fixed per tile, so f moves by exactly the change in g.
        fStraight[tile] += straight - gStraight[tile];
        fDiagonal[tile] += diagonal - gDiagonal[tile];
        gStraight[tile] = straight;
        gDiagonal[tile] = diagonal;
        parentDirection[tile] = (byte)direction;
        heapKey[at] = fStraight[tile] + fDiagonal[tile] * SQRT2;
        siftUp(at);
    }

    private int pop()
    {
        final int top = heapTile[0];
        final int last = --heapSize;
        if (last > 0)
        {
            heapTile[0] = heapTile[last];
            heapKey[0] = heapKey[last];
            heapIndex[heapTile[0]] = 0;
            siftDown(0);
        }
        return top;
    }

    private void siftUp(int at)
    {
        final int tile = heapTile[at];
        final double key = heapKey[at];
        while (at > 0)
        {
            final int parent = (at - 1) >>> 1;
            if (!before(tile, key, heapTile[parent], heapKey[parent]))
            {
                break;
            }
            move(parent, at);
            at = parent;
        }
        place(tile, key, at);
    }

    private void siftDown(int at)
    {
        final int tile = heapTile[at];
        final double key = heapKey[at];
        final int size = heapSize;
        while (true)
        {
            int child = (at << 1) + 1;
            if (child >= size)
            {
                break;
            }
            final int right = child + 1;
            if (right < size && before(heapTile[right], heapKey[right], heapTile[child], heapKey[child]))
            {
                child = right;
            }
            if (!before(heapTile[child], heapKey[child], tile, key))
            {
                break;
            }
            move(child, at);
            at = child;
        }
        place(tile, key, at);
    }

    private void move(final int from, final int to)
    {
        final int tile = heapTile[from];
        heapTile[to] = tile;
        heapKey[to] = heapKey[from];
        heapIndex[tile] = to;
    }

    private void place(final int tile, final double key, final int at)
    {
        heapTile[at] = tile;
        heapKey[at] = key;
        heapIndex[tile] = at;
    }

    /** The documented pop order: lower f, then higher g, then lower tile index. */
    private boolean before(final int a, final double keyA, final int b, final double keyB)
    {
        if (keyA < keyB - EXACT_BELOW)
        {
            return true;
        }
        if (keyA > keyB + EXACT_BELOW)
        {
            return false;
        }
        final int f = compare(fStraight[a], fDiagonal[a], fStraight[b], fDiagonal[b]);
        if (f != 0)
        {
            return f < 0;
        }
        final int g = compare(gStraight[a], gDiagonal[a], gStraight[b], gDiagonal[b]);
        if (g != 0)
        {
            return g > 0;
        }
        return a < b;
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
        int steps = 0;
        for (int tile = to; tile != from; tile -= stepOffsets[parentDirection[tile]])
        {
            steps++;
        }
        int tile = to;
        for (int i = steps - 1; i >= 0; i--)
        {
            path[i] = tile;
            tile -= stepOffsets[parentDirection[tile]];
        }
        return found(steps, gStraight[to], gDiagonal[to]);
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
            Arrays.fill(stamp, 0);
            generation = 1;
        }
    }
}
