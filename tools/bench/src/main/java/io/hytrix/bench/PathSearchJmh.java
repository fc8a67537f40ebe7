package io.hytrix.bench;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ShippedMaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * JMH view of row (f): one A* search (cold: what a cache miss costs the handler thread) and one path
 * cache hit, over the same random pairs (f) uses on the scenario maps ({@code -p map=brc202d} picks
 * another of {@link PathBench#MAPS}). The bench row times a whole pass and reports its mean; this
 * times the single call, with JMH's warm-up and dead-code protection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class PathSearchJmh
{
    /** Pairs cycled through: as many as a full (f) run uses per map. */
    static final int QUERIES = 200;

    @Param({ "arena", "den312d", "lak303d", "arena2" })
    public String map;

    private GridMap grid;
    private AStarPathfinder finder;
    private PathCache cache;
    private PathQueries queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final int index = Arrays.asList(PathBench.MAPS).indexOf(map);
        if (index < 0)
        {
            throw new IllegalArgumentException("map " + map + " is not one of " + Arrays.toString(PathBench.MAPS));
        }
        grid = new ShippedMaps().require(map);
        finder = new AStarPathfinder().ensureCapacity(grid.tileCount());
        queries = PathQueries.random(grid, index, QUERIES);
        cache = new PathCache(QUERIES * 2, Math.max(1 << 16, QUERIES * 4096), finder);
        for (int q = 0; q < QUERIES; q++)
        {
            cache.resolve(0, grid, queries.from[q], queries.to[q]); // fills the cache: every later resolve is a hit
        }
    }

    /** A fresh A* search: the path's length in steps. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int cold()
    {
        final int q = nextQuery();
        return finder.find(grid, queries.from[q], queries.to[q]);
    }

    /** A cache hit on the same pairs: the path's handle. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int cached()
    {
        final int q = nextQuery();
        return cache.resolve(0, grid, queries.from[q], queries.to[q]);
    }

    private int nextQuery()
    {
        final int q = next;
        next = q + 1 == QUERIES ? 0 : q + 1;
        return q;
    }
}
