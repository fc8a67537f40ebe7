package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Independent yardsticks for the pathfinder tests: plain Dijkstra on doubles, and a path validator. */
final class Reference
{
    private Reference()
    {
    }

    /** Shortest distance by textbook Dijkstra over {@link GridMap#canStep}; infinity when unreachable. */
    static double dijkstra(final GridMap map, final int from, final int to)
    {
        if (!map.passableTile(from) || !map.passableTile(to))
        {
            return Double.POSITIVE_INFINITY;
        }
        final double[] dist = new double[map.tileCount()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[from] = 0;
        final PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        open.add(new double[] {0, from});
        while (!open.isEmpty())
        {
            final double[] top = open.poll();
            final int tile = (int)top[1];
            if (top[0] > dist[tile])
            {
                continue;
            }
            if (tile == to)
            {
                return dist[tile];
            }
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    if (map.canStep(tile, dx, dy))
                    {
                        final int next = map.tile(map.x(tile) + dx, map.y(tile) + dy);
                        final double d = dist[tile] + (dx != 0 && dy != 0 ? Math.sqrt(2) : 1);
                        if (d < dist[next])
                        {
                            dist[next] = d;
                            open.add(new double[] {d, next});
                        }
                    }
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Asserts every step is legal, the path ends at {@code to}, and returns its length. */
    static double validate(final GridMap map, final int from, final int to, final int[] path, final int steps)
    {
        double cost = 0;
        int at = from;
        for (int i = 0; i < steps; i++)
        {
            final int dx = map.x(path[i]) - map.x(at);
            final int dy = map.y(path[i]) - map.y(at);
            assertThat(map.canStep(at, dx, dy)).as("step %d from %d to %d", i, at, path[i]).isTrue();
            cost += dx != 0 && dy != 0 ? Math.sqrt(2) : 1;
            at = path[i];
        }
        assertThat(at).isEqualTo(to);
        return cost;
    }

    static int[] path(final AStarPathfinder finder, final GridMap map, final int from, final int to)
    {
        final int steps = finder.find(map, from, to);
        final int[] out = new int[Math.max(steps, 0)];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = finder.step(i);
        }
        return out;
    }

    /**
     * Bytes allocated by this thread so far. The first calls allocate inside the management code, so
     * {@link #allocationProbeOverhead()} is subtracted from a measurement to leave only what was measured.
     */
    static long allocatedBytes()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Bytes that a back-to-back pair of {@link #allocatedBytes()} calls reports once warmed up. */
    static long allocationProbeOverhead()
    {
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++)
        {
            final long before = allocatedBytes();
            overhead = Math.min(overhead, allocatedBytes() - before);
        }
        return overhead;
    }

    static int randomPassable(final GridMap map, final java.util.SplittableRandom random)
    {
        while (true)
        {
            final int tile = random.nextInt(map.tileCount());
            if (map.passableTile(tile))
            {
                return tile;
            }
        }
    }
}
