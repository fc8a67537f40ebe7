package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.TestMaps;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathCacheTest
{
    private static final GridMap PLAZA = TestMaps.load("plaza.map");
    private static final GridMap ISLANDS = TestMaps.load("islands.map");
    private static final GridMap DEN = TestMaps.load("den312d.map");

    private static int[] read(final PathCache cache, final int handle)
    {
        final int[] out = new int[cache.length(handle)];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = cache.step(handle, i);
        }
        return out;
    }

    @Test
    void countsHitsAndMisses()
    {
        final PathCache cache = new PathCache(16, 1024, new AStarPathfinder());
        final int a = PLAZA.tile(1, 1);
        final int b = PLAZA.tile(30, 30);

        final int first = cache.resolve(0, PLAZA, a, b);
        final int again = cache.resolve(0, PLAZA, a, b);
        cache.resolve(0, PLAZA, b, a);
        cache.resolve(1, PLAZA, a, b);

        assertThat(again).isEqualTo(first);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.evictions()).isZero();
        assertThat(read(cache, first)).isEqualTo(Reference.path(new AStarPathfinder(), PLAZA, a, b));
        assertThat(cache.step(first, cache.length(first) - 1)).isEqualTo(b);
    }

    @Test
    void startEqualsGoalIsACachedEmptyPath()
    {
        final PathCache cache = new PathCache(4, 8, new AStarPathfinder());
        final int tile = PLAZA.tile(1, 1);

        final int handle = cache.resolve(0, PLAZA, tile, tile);

        assertThat(handle).isNotNegative();
        assertThat(cache.length(handle)).isZero();
        assertThat(cache.resolve(0, PLAZA, tile, tile)).isEqualTo(handle);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void unreachableAnswersAreCachedToo()
    {
        final PathCache cache = new PathCache(4, 64, new AStarPathfinder());
        final int west = ISLANDS.tile(3, 2);
        final int east = ISLANDS.tile(37, 2);

        assertThat(cache.resolve(3, ISLANDS, west, east)).isEqualTo(PathCache.NO_PATH);
        assertThat(cache.resolve(3, ISLANDS, west, east)).isEqualTo(PathCache.NO_PATH);
        assertThat(cache.resolve(3, ISLANDS, west, ISLANDS.tile(0, 0))).isEqualTo(PathCache.NO_PATH);

        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void evictsOldestFirstWhenSlotsRunOut()
    {
        final PathCache cache = new PathCache(2, 1024, new AStarPathfinder());
        final int a = PLAZA.tile(1, 1);

        final int h1 = cache.resolve(0, PLAZA, a, PLAZA.tile(10, 1));
        final long g1 = cache.generation(h1);
        final int h2 = cache.resolve(0, PLAZA, a, PLAZA.tile(20, 1));
        final long g2 = cache.generation(h2);
        assertThat(cache.isLive(h1, g1)).isTrue();

        final int h3 = cache.resolve(0, PLAZA, a, PLAZA.tile(30, 1));

        assertThat(cache.evictions()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.isLive(h1, g1)).isFalse();
        assertThat(cache.isLive(h2, g2)).isTrue();
        // The freed slot is reused at once; the old generation must not pass for the new occupant.
        assertThat(h3).isEqualTo(h1);
        assertThat(cache.isLive(h3, cache.generation(h3))).isTrue();

        cache.resolve(0, PLAZA, a, PLAZA.tile(10, 1));
        assertThat(cache.misses()).isEqualTo(4);
        assertThat(cache.isLive(h2, g2)).isFalse();
    }

    @Test
    void evictsOldestFirstWhenTheArenaRunsOutAndWrapsAtTheEnd()
    {
        // On a one-row map the path from -> to is exactly the tiles from+1..to, so occupancy is easy to follow.
        final PathCache cache = new PathCache(64, 20, new AStarPathfinder());
        final GridMap row = TestMaps.of("..............................");
        final int[][] queries = {
            {0, 6}, {0, 10}, {0, 4}, // [0,6) [6,16) [16,20): exactly full, nothing evicted
            {1, 7},                  // [0,6): evicts #0
            {0, 12},                 // [6,18): evicts #1 and #2
            {0, 2},                  // [18,20)
            {3, 9},                  // [0,6): evicts #3
            {0, 3},                  // [6,9): evicts #4
            {0, 10},                 // [9,19): evicts #5
            {0, 5},                  // 6 tiles cannot start at 19: skips [19,20), lands at [0,5), evicts #6
            {0, 1},                  // [5,6)
            {0, 2},                  // [6,8): evicts #7
            {0, 11},                 // [8,19): evicts #8
            {1, 2},                  // [19,20): only evicting #9 frees it, since #9 owns the skipped end
        };
        final long[] evictionsAfter = {0, 0, 0, 1, 3, 3, 4, 5, 6, 7, 7, 8, 9, 10};
        final int[] handles = new int[queries.length];
        final long[] generations = new long[queries.length];
        for (int q = 0; q < queries.length; q++)
        {
            handles[q] = cache.resolve(0, row, queries[q][0], queries[q][1]);
            generations[q] = cache.generation(handles[q]);
            assertThat(cache.evictions()).as("after query %d", q).isEqualTo(evictionsAfter[q]);
        }

        assertThat(cache.misses()).isEqualTo(queries.length);
        for (int q = 0; q < queries.length; q++)
        {
            final boolean live = cache.isLive(handles[q], generations[q]);
            assertThat(live).as("query %d", q).isEqualTo(q >= 10);
            if (live)
            {
                final int[] expected = new int[queries[q][1] - queries[q][0]];
                for (int i = 0; i < expected.length; i++)
                {
                    expected[i] = queries[q][0] + 1 + i;
                }
                assertThat(read(cache, handles[q])).as("query %d", q).isEqualTo(expected);
            }
        }
    }

    @Test
    void pathLongerThanTheArenaComesBackThroughAScratchHandle()
    {
        final PathCache cache = new PathCache(8, 10, new AStarPathfinder());
        final GridMap row = TestMaps.of("..............................");

        final int handle = cache.resolve(0, row, 0, 29);
        final long generation = cache.generation(handle);

        assertThat(handle).isNotNegative();
        assertThat(cache.isLive(handle, generation)).isTrue();
        assertThat(cache.length(handle)).isEqualTo(29);
        assertThat(cache.step(handle, 28)).isEqualTo(29);
        assertThat(cache.size()).isZero();

        cache.resolve(0, row, 0, 3);
        assertThat(cache.isLive(handle, generation)).isFalse();
        assertThat(cache.resolve(0, row, 0, 29)).isEqualTo(handle);
        assertThat(cache.misses()).isEqualTo(3);
    }

    @Test
    void behavesLikeAFifoModelUnderRandomTraffic()
    {
        // A tiny index (8 slots, 16 buckets) over many keys exercises probing and backward-shift deletion.
        final int slots = 8;
        final PathCache cache = new PathCache(slots, 1 << 16, new AStarPathfinder());
        final AStarPathfinder reference = new AStarPathfinder();
        final SplittableRandom random = new SplittableRandom(11);
        final int[] tiles = new int[12];
        for (int i = 0; i < tiles.length; i++)
        {
            tiles[i] = Reference.randomPassable(PLAZA, random);
        }
        final ArrayDeque<Long> model = new ArrayDeque<>();
        long expectedHits = 0;
        for (int op = 0; op < 5000; op++)
        {
            final int mapId = random.nextInt(2);
            final int from = tiles[random.nextInt(tiles.length)];
            final int to = tiles[random.nextInt(tiles.length)];
            final long key = ((long)mapId << 40) | ((long)from << 20) | to;
            if (model.contains(key))
            {
                expectedHits++;
            }
            else
            {
                model.addLast(key);
                if (model.size() > slots)
                {
                    model.removeFirst();
                }
            }

            final int handle = cache.resolve(mapId, PLAZA, from, to);

            assertThat(cache.hits()).as("op %d", op).isEqualTo(expectedHits);
            assertThat(cache.size()).isEqualTo(model.size());
            assertThat(read(cache, handle)).isEqualTo(Reference.path(reference, PLAZA, from, to));
        }
        assertThat(cache.hits() + cache.misses()).isEqualTo(5000);
        assertThat(cache.evictions()).isEqualTo(cache.misses() - slots);
    }

    @Test
    void liveHandlesStayIntactUnderArenaPressure()
    {
        final PathCache cache = new PathCache(32, 60, new AStarPathfinder());
        final AStarPathfinder reference = new AStarPathfinder();
        final SplittableRandom random = new SplittableRandom(5);
        final List<long[]> held = new ArrayList<>();
        final List<int[]> heldPaths = new ArrayList<>();
        int scratches = 0;
        for (int op = 0; op < 3000; op++)
        {
            final int from = Reference.randomPassable(DEN, random);
            final int to = random.nextInt(4) == 0 ? from : Reference.randomPassable(DEN, random);
            final int handle = cache.resolve(0, DEN, from, to);
            final int[] expected = Reference.path(reference, DEN, from, to);
            if (handle == PathCache.NO_PATH)
            {
                assertThat(reference.lastLength()).isEqualTo(-1);
                continue;
            }
            assertThat(read(cache, handle)).isEqualTo(expected);
            if (expected.length > 60)
            {
                scratches++;
            }
            held.add(new long[] {handle, cache.generation(handle)});
            heldPaths.add(expected);
            for (int i = 0; i < held.size(); i++)
            {
                final int h = (int)held.get(i)[0];
                if (cache.isLive(h, held.get(i)[1]))
                {
                    assertThat(read(cache, h)).as("op %d holder %d", op, i).isEqualTo(heldPaths.get(i));
                }
            }
            if (held.size() > 64)
            {
                held.remove(0);
                heldPaths.remove(0);
            }
            assertThat(cache.size()).isLessThanOrEqualTo(32);
        }
        assertThat(scratches).isPositive();
        assertThat(cache.evictions()).isPositive();
    }

    @Test
    void oneEntryCacheAnswersExactlyLikeALargeOne()
    {
        final GridMap map = TestMaps.load("brc202d.map");
        final PathCache tiny = new PathCache(1, 1, new AStarPathfinder());
        final PathCache large = PathCache.ofBudget(64L << 20, new AStarPathfinder());
        final SplittableRandom random = new SplittableRandom(99);
        final int[] pool = new int[40];
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = Reference.randomPassable(map, random);
        }
        for (int q = 0; q < 700; q++)
        {
            final int from = pool[random.nextInt(pool.length)];
            final int to = pool[random.nextInt(pool.length)];
            final int l = large.resolve(7, map, from, to);
            final int[] fromLarge = l == PathCache.NO_PATH ? null : read(large, l);
            final int t = tiny.resolve(7, map, from, to);
            final int[] fromTiny = t == PathCache.NO_PATH ? null : read(tiny, t);
            assertThat(fromTiny).as("query %d: %d->%d", q, from, to).isEqualTo(fromLarge);
        }
        assertThat(large.hits()).isGreaterThan(tiny.hits());
        assertThat(large.evictions()).isZero();
    }

    @Test
    void budgetIsSplitAndRespected()
    {
        for (final long bytes : new long[] {1_000, 64 * 1024, 10L << 20, 256L << 20})
        {
            final PathCache cache = PathCache.ofBudget(bytes, new AStarPathfinder());
            assertThat(cache.budgetBytes()).as("%d", bytes).isLessThanOrEqualTo(bytes).isGreaterThan(bytes * 9 / 10);
            assertThat(cache.maxEntries()).isPositive();
            assertThat((long)cache.maxTiles()).isGreaterThanOrEqualTo(cache.maxEntries() * 32L);
        }
        assertThatThrownBy(() -> PathCache.ofBudget(40, new AStarPathfinder())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathCache(0, 10, new AStarPathfinder())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathCache(10, 0, new AStarPathfinder())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolveAllocatesNothingAfterWarmUp()
    {
        final GridMap map = TestMaps.load("arena2.map");
        // Small enough that the measured loop misses, evicts, wraps the arena and hits.
        final PathCache cache = new PathCache(50, 4000, new AStarPathfinder());
        final SplittableRandom random = new SplittableRandom(8);
        final int[] queries = new int[400];
        for (int i = 0; i < queries.length; i++)
        {
            queries[i] = Reference.randomPassable(map, random);
        }
        final int[] order = new int[1000];
        for (int i = 0; i < order.length; i++)
        {
            order[i] = random.nextInt(queries.length / 2) * 2;
        }
        for (int round = 0; round < 2; round++)
        {
            for (final int q : order)
            {
                cache.resolve(2, map, queries[q], queries[q + 1]);
            }
        }
        final long hitsBefore = cache.hits();
        final long evictionsBefore = cache.evictions();

        final long overhead = Reference.allocationProbeOverhead();
        final long before = Reference.allocatedBytes();
        long sum = 0;
        for (final int q : order)
        {
            final int handle = cache.resolve(2, map, queries[q], queries[q + 1]);
            if (handle >= 0 && cache.isLive(handle, cache.generation(handle)) && cache.length(handle) > 0)
            {
                sum += cache.step(handle, cache.length(handle) - 1);
            }
        }
        final long allocated = Reference.allocatedBytes() - before - overhead;

        assertThat(sum).isPositive();
        assertThat(cache.hits()).isGreaterThan(hitsBefore);
        assertThat(cache.evictions()).isGreaterThan(evictionsBefore);
        assertThat(allocated).isZero();
    }
}
