package io.hytrix.engine.map;

/**
 * An immutable octile grid: which tiles are passable, and which of the eight steps are legal from each.
 *
 * <p>(0,0) is the top-left corner, x the column, y the row, tile index {@code y * width + x}. A straight
 * step needs its target passable; a diagonal step (dx,dy) from (x,y) also needs (x+dx,y) and (x,y+dy)
 * passable, so paths never cut corners. This is the rule behind Moving AI's published optimal lengths.
 *
 * <p>Directions are numbered 0..7 clockwise from north (N, NE, E, SE, S, SW, W, NW), the same ids as
 * {@code io.hytrix.engine.command.Direction}. Legal steps are precomputed into one byte per tile so the
 * pathfinder's inner loop does no bounds or corner tests.
 */
public final class GridMap
{
    /** Largest accepted width or height; keeps tile indices and exact path-cost arithmetic far from overflow. */
    public static final int MAX_DIMENSION = 4096;
    public static final int DIRECTIONS = 8;

    private static final int[] DX = { 0, 1, 1, 1, 0, -1, -1, -1 };
    private static final int[] DY = { -1, -1, 0, 1, 1, 1, 0, -1 };

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final String name;
    private final int width;
    private final int height;
    private final boolean[] passable;
    private final byte[] stepMasks;
    private final int[] stepOffsets = new int[DIRECTIONS];
    private final int passableCount;
    private final long contentHash;
    /** Tiles of the largest connected region (see {@link #inLargestRegion(int)}). */
    private final boolean[] largestRegion;
    private final int largestRegionSize;
    private final int regionCount;

    /**
     * @param passable one flag per tile in index order; copied, so the caller may reuse the array.
     */
    public GridMap(final String name, final int width, final int height, final boolean[] passable)
    {
        if (name == null)
        {
            throw new IllegalArgumentException("map name is null");
        }
        if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION)
        {
            throw new IllegalArgumentException(
                "map " + name + " is " + width + "x" + height + ", each side must be 1.." + MAX_DIMENSION);
        }
        if (passable == null || passable.length != width * height)
        {
            throw new IllegalArgumentException("map " + name + " needs " + width * height + " passability flags, got "
                + (passable == null ? "null" : Integer.toString(passable.length)));
        }
        this.name = name;
        this.width = width;
        this.height = height;
        this.passable = passable.clone();
        for (int d = 0; d < DIRECTIONS; d++)
        {
            stepOffsets[d] = DY[d] * width + DX[d];
        }
        this.stepMasks = new byte[passable.length];
        int count = 0;
        for (int tile = 0; tile < passable.length; tile++)
        {
            if (this.passable[tile])
            {
                count++;
                int mask = 0;
                for (int d = 0; d < DIRECTIONS; d++)
                {
                    if (canStep(tile, DX[d], DY[d]))
                    {
                        mask |= 1 << d;
                    }
                }
                stepMasks[tile] = (byte)mask;
            }
        }
        this.passableCount = count;
        this.contentHash = hash(width, height, this.passable);
        this.largestRegion = new boolean[passable.length];
        final int[] regions = labelRegions(largestRegion);
        this.regionCount = regions[0];
        this.largestRegionSize = regions[1];
    }

    public String name()
    {
        return name;
    }

    public int width()
    {
        return width;
    }

    public int height()
    {
        return height;
    }

    public int tileCount()
    {
        return passable.length;
    }

    public int passableCount()
    {
        return passableCount;
    }

    /** Connected regions of passable tiles (8-connected, no corner cutting: the movement rule). */
    public int regionCount()
    {
        return regionCount;
    }

    /** Passable tiles in the largest connected region. */
    public int largestRegionSize()
    {
        return largestRegionSize;
    }

    /**
     * True when the tile lies in the map's largest connected region, so any two such tiles are joined by
     * a path. Rules 2 place treasures and spawn points only here. Of regions of equal size, the one with
     * the lowest tile index is the largest, so the choice depends on the map's content alone.
     */
    public boolean inLargestRegion(final int tile)
    {
        return tile >= 0 && tile < largestRegion.length && largestRegion[tile];
    }

    /**
     * Labels the connected regions once, at load, by breadth-first search over the step masks (a step
     * is allowed both ways or neither, so the regions are well defined), and marks the largest.
     *
     * @return {region count, size of the largest}
     */
    private int[] labelRegions(final boolean[] largest)
    {
        final int tiles = passable.length;
        final int[] label = new int[tiles];
        final int[] queue = new int[Math.max(1, passableCount)];
        int regions = 0;
        int bestLabel = 0;
        int bestSize = 0;
        for (int start = 0; start < tiles; start++)
        {
            if (!passable[start] || label[start] != 0)
            {
                continue;
            }
            final int current = ++regions;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = current;
            while (head < tail)
            {
                final int tile = queue[head++];
                final int mask = stepMasks[tile] & 0xff;
                for (int d = 0; d < DIRECTIONS; d++)
                {
                    if ((mask & (1 << d)) != 0)
                    {
                        final int next = tile + stepOffsets[d];
                        if (label[next] == 0)
                        {
                            label[next] = current;
                            queue[tail++] = next;
                        }
                    }
                }
            }
            if (tail > bestSize)
            {
                bestSize = tail;
                bestLabel = current;
            }
        }
        for (int tile = 0; tile < tiles; tile++)
        {
            largest[tile] = bestLabel != 0 && label[tile] == bestLabel;
        }
        return new int[] { regions, bestSize };
    }

    public boolean inBounds(final int x, final int y)
    {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** Index of (x,y); no bounds check, use {@link #inBounds} first when the coordinates are untrusted. */
    public int tile(final int x, final int y)
    {
        return y * width + x;
    }

    public int x(final int tile)
    {
        return tile % width;
    }

    public int y(final int tile)
    {
        return tile / width;
    }

    public boolean validTile(final int tile)
    {
        return tile >= 0 && tile < passable.length;
    }

    /** @return false outside the map, so callers can probe neighbours without their own bounds test. */
    public boolean passable(final int x, final int y)
    {
        return inBounds(x, y) && passable[y * width + x];
    }

    /** @return false for an index outside the map. */
    public boolean passableTile(final int tile)
    {
        return tile >= 0 && tile < passable.length && passable[tile];
    }

    /**
     * Whether one step by (dx,dy), each in -1..1 and not both 0, is legal from {@code tile}: origin and target
     * passable and inside the map, and for a diagonal both tiles it squeezes between passable too.
     */
    public boolean canStep(final int tile, final int dx, final int dy)
    {
        if (tile < 0 || tile >= passable.length || dx < -1 || dx > 1 || dy < -1 || dy > 1 || (dx | dy) == 0)
        {
            return false;
        }
        final int x = tile % width;
        final int y = tile / width;
        return passable[tile] && passable(x + dx, y + dy) && passable(x + dx, y) && passable(x, y + dy);
    }

    /** Bit d set when direction d is a legal step from {@code tile}; 0 for blocked tiles. No bounds check. */
    public int stepMask(final int tile)
    {
        return stepMasks[tile] & 0xff;
    }

    /** Tile-index delta of one step in direction d (0..7). */
    public int stepOffset(final int direction)
    {
        return stepOffsets[direction];
    }

    public static int stepDx(final int direction)
    {
        return DX[direction];
    }

    public static int stepDy(final int direction)
    {
        return DY[direction];
    }

    public static boolean isDiagonal(final int direction)
    {
        return (direction & 1) != 0;
    }

    /**
     * 64-bit FNV-1a over the little-endian bytes of width, then height, then one byte per tile in index
     * order (1 passable, 0 blocked). Spelled out so journals and replays on any JVM agree on it; the name
     * and the exact blocked glyphs are deliberately not part of it.
     */
    public long contentHash()
    {
        return contentHash;
    }

    @Override
    public String toString()
    {
        return "GridMap{" + name + ' ' + width + 'x' + height + ", passable=" + passableCount + '}';
    }

    private static long hash(final int width, final int height, final boolean[] passable)
    {
        long h = FNV_OFFSET_BASIS;
        h = mixInt(h, width);
        h = mixInt(h, height);
        for (final boolean open : passable)
        {
            h = (h ^ (open ? 1 : 0)) * FNV_PRIME;
        }
        return h;
    }

    private static long mixInt(long h, final int value)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            h = (h ^ ((value >>> shift) & 0xff)) * FNV_PRIME;
        }
        return h;
    }
}
