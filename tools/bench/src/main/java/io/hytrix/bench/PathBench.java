package io.hytrix.bench;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ShippedMaps;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * (f) Pathfinding on the Moving AI maps the project ships: random passable (from, to) pairs from a
 * fixed seed ({@link PathQueries}), as the matchmaker's waypoints are. Cold = a fresh cache, so every resolve is an A*
 * search; cached = the same queries again, all hits.
 */
final class PathBench
{
    /** The real (Moving AI) maps in the jar; the first four are the ones the scenario's hunts use. */
    static final String[] MAPS = { "arena", "den312d", "lak303d", "arena2", "brc202d", "maze512-1-0", "random512-10-0" };
    static final int SCENARIO_MAPS = 4;

    record MapResult(String map, int width, int height, int queries, double coldMeanMicros, double coldP99Micros,
        double coldMaxMicros, double meanExpanded, double cachedMeanNanos)
    {
    }

    record Result(List<MapResult> maps, double coldMeanMicros, double coldScenarioMapsMeanMicros,
        double cachedMeanNanos, int queries)
    {
    }

    /** Written so the JIT cannot drop the cached-lookup loop. */
    static volatile long blackhole;

    private PathBench()
    {
    }

    static Result run(final int queriesPerMap, final int iterations)
    {
        final ShippedMaps catalog = new ShippedMaps();
        final AStarPathfinder finder = new AStarPathfinder();
        final List<MapResult> results = new ArrayList<>();
        double coldNanos = 0;
        double coldScenarioNanos = 0;
        long coldCount = 0;
        long coldScenarioCount = 0;
        double cachedNanos = 0;
        long cachedCount = 0;
        for (int m = 0; m < MAPS.length; m++)
        {
            final GridMap map = catalog.require(MAPS[m]);
            finder.ensureCapacity(map.tileCount());
            final PathQueries queries = PathQueries.random(map, m, queriesPerMap);
            final int[] from = queries.from;
            final int[] to = queries.to;
            // Warm-up pass (JIT), then measured cold passes, each with a fresh cache.
            coldPass(map, finder, from, to, null);
            final Histogram cold = new Histogram(3);
            long expanded = 0;
            PathCache cache = null;
            for (int it = 0; it < iterations; it++)
            {
                cache = new PathCache(queriesPerMap * 2, Math.max(1 << 16, queriesPerMap * 4096), finder);
                final Pass pass = coldPass(map, finder, from, to, cache);
                expanded += pass.expanded();
                cold.add(pass.nanos());
            }
            // Cached: the same queries against the last cache, every one a hit.
            final int rounds = 20;
            final long start = System.nanoTime();
            long sink = 0;
            for (int r = 0; r < rounds; r++)
            {
                for (int q = 0; q < queriesPerMap; q++)
                {
                    sink += cache.resolve(0, map, from[q], to[q]);
                }
            }
            final double hitNanos = (System.nanoTime() - start) / (double)(rounds * queriesPerMap);
            blackhole += sink; // keeps the loop observable
            final long n = cold.getTotalCount();
            final MapResult r = new MapResult(MAPS[m], map.width(), map.height(), queriesPerMap,
                cold.getMean() / 1e3, cold.getValueAtPercentile(99) / 1e3, cold.getMaxValue() / 1e3,
                (double)expanded / Math.max(1, n), hitNanos);
            results.add(r);
            coldNanos += cold.getMean() * n;
            coldCount += n;
            if (m < SCENARIO_MAPS)
            {
                coldScenarioNanos += cold.getMean() * n;
                coldScenarioCount += n;
            }
            cachedNanos += hitNanos * queriesPerMap;
            cachedCount += queriesPerMap;
        }
        return new Result(results, coldNanos / coldCount / 1e3, coldScenarioNanos / coldScenarioCount / 1e3,
            cachedNanos / cachedCount, queriesPerMap);
    }

    private record Pass(long expanded, Histogram nanos)
    {
    }

    private static Pass coldPass(final GridMap map, final AStarPathfinder finder, final int[] from, final int[] to,
        final PathCache cache)
    {
        final Histogram h = new Histogram(3);
        long expanded = 0;
        for (int q = 0; q < from.length; q++)
        {
            final long t0 = System.nanoTime();
            if (cache != null)
            {
                cache.resolve(0, map, from[q], to[q]);
            }
            else
            {
                finder.find(map, from[q], to[q]);
            }
            h.recordValue(System.nanoTime() - t0);
            expanded += finder.lastExpanded();
        }
        return new Pass(expanded, h);
    }
}
