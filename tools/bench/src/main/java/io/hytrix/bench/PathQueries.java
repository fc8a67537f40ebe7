package io.hytrix.bench;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.util.SplitMix64;

/**
 * Random passable (from, to) tile pairs on one map from a fixed seed, as the matchmaker's waypoints
 * are: the queries of row (f) and of the JMH path benchmarks, kept in one place so both time the same
 * searches.
 */
final class PathQueries
{
    final int[] from;
    final int[] to;

    private PathQueries(final int[] from, final int[] to)
    {
        this.from = from;
        this.to = to;
    }

    /** @param mapIndex the map's place in {@link PathBench#MAPS}; it picks the seed, so a map always gets the same pairs */
    static PathQueries random(final GridMap map, final int mapIndex, final int count)
    {
        final int[] from = new int[count];
        final int[] to = new int[count];
        long rng = 0x5eed0000L + mapIndex;
        for (int q = 0; q < count; q++)
        {
            rng = SplitMix64.nextState(rng);
            from[q] = passable(map, rng);
            rng = SplitMix64.nextState(rng ^ 0x9e3779b97f4a7c15L);
            to[q] = passable(map, rng);
        }
        return new PathQueries(from, to);
    }

    int size()
    {
        return from.length;
    }

    private static int passable(final GridMap map, final long seed)
    {
        long s = seed;
        while (true)
        {
            s = SplitMix64.nextState(s);
            final int tile = SplitMix64.bounded(SplitMix64.mix(s), map.tileCount());
            if (map.passableTile(tile))
            {
                return tile;
            }
        }
    }
}
