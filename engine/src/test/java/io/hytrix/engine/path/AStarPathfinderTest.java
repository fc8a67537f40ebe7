package io.hytrix.engine.path;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.TestMaps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AStarPathfinderTest
{
    private static final double SQRT2 = Math.sqrt(2);

    private final AStarPathfinder finder = new AStarPathfinder();

    @Test
    void openGroundGoesStraightDiagonal()
    {
        final GridMap map = TestMaps.of(".....", ".....", ".....", ".....", ".....");

        assertThat(finder.find(map, map.tile(0, 0), map.tile(4, 4))).isEqualTo(4);
        assertThat(finder.lastCost()).isCloseTo(4 * SQRT2, within(1e-12));
        assertThat(finder.lastDiagonalSteps()).isEqualTo(4);
        assertThat(finder.lastStraightSteps()).isZero();
        assertThat(finder.step(3)).isEqualTo(map.tile(4, 4));
    }

    @Test
    void wallCornerForcesTwoStraightSteps()
    {
        final GridMap map = TestMaps.of(
            ".@",
            "..");

        assertThat(finder.find(map, map.tile(0, 0), map.tile(1, 1))).isEqualTo(2);
        assertThat(finder.lastCost()).isEqualTo(2.0);
        assertThat(finder.step(0)).isEqualTo(map.tile(0, 1));
        assertThat(finder.step(1)).isEqualTo(map.tile(1, 1));
    }

    @Test
    void detoursAroundAWallOptimally()
    {
        final GridMap map = TestMaps.of(
            ".......",
            "...@...",
            "...@...",
            "...@...",
            ".......");
        final int from = map.tile(1, 2);
        final int to = map.tile(5, 2);
        final int[] out = new int[16];

        final int steps = finder.find(map, from, to, out);

        // Around the top: the wall's end forbids both diagonals touching (3,0), so the best is
        // NE to (2,1), N, E, E to (4,0), SE to (5,1), S: four straight steps and two diagonals.
        assertThat(finder.lastCost()).isCloseTo(4 + 2 * SQRT2, within(1e-12));
        assertThat(finder.lastCost()).isCloseTo(Reference.dijkstra(map, from, to), within(1e-9));
        assertThat(Reference.validate(map, from, to, out, steps)).isCloseTo(finder.lastCost(), within(1e-9));
    }

    @Test
    void documentedTieBreakPrefersDeeperNodes()
    {
        // (0,0) -> (2,1) costs 1 + sqrt2 either as E,SE or SE,E. After the start both E and SE have
        // f = 1 + sqrt2; SE has the higher g, so it is expanded first and the path goes SE then E.
        final GridMap map = TestMaps.of("...", "...", "...");

        assertThat(Reference.path(finder, map, map.tile(0, 0), map.tile(2, 1)))
            .containsExactly(map.tile(1, 1), map.tile(2, 1));
        assertThat(finder.lastExpanded()).isEqualTo(2);
    }

    @Test
    void startEqualsGoalIsAnEmptyPath()
    {
        final GridMap map = TestMaps.load("arena.map");
        final int tile = map.tile(19, 26);

        assertThat(finder.find(map, tile, tile)).isZero();
        assertThat(finder.lastCost()).isZero();
        assertThat(finder.lastLength()).isZero();
    }

    @Test
    void unreachableOrBlockedEndsGiveNoPath()
    {
        final GridMap map = TestMaps.load("islands.map");
        final int west = map.tile(3, 2);
        final int east = map.tile(37, 2);
        final int islet = map.tile(36, 27);
        final int water = map.tile(0, 0);

        assertThat(finder.find(map, west, east)).isEqualTo(AStarPathfinder.NO_PATH);
        assertThat(finder.lastCost()).isInfinite();
        assertThat(finder.lastExpanded()).isPositive();
        assertThat(finder.find(map, islet, west)).isEqualTo(-1);
        assertThat(finder.find(map, west, islet)).isEqualTo(-1);
        assertThat(finder.find(map, islet, islet)).isZero();
        assertThat(finder.find(map, water, west)).isEqualTo(-1);
        assertThat(finder.find(map, west, water)).isEqualTo(-1);
        assertThat(finder.find(map, water, water)).isEqualTo(-1);
        // The land bridge joins the west and middle islands.
        assertThat(finder.find(map, west, map.tile(20, 18))).isPositive();
    }

    @Test
    void outOfRangeTilesAreRejected()
    {
        final GridMap map = TestMaps.of("..", "..");

        assertThatThrownBy(() -> finder.find(map, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> finder.find(map, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortOutputBufferGetsThePrefixAndTheFullCount()
    {
        final GridMap map = TestMaps.of("..........");
        final int[] out = new int[3];

        assertThat(finder.find(map, 0, 9, out)).isEqualTo(9);
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void matchesDijkstraOnRandomQueries()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (final String name : new String[] {"plaza.map", "den312d.map", "arena2.map", "islands.map"})
        {
            final GridMap map = TestMaps.load(name);
            for (int q = 0; q < 60; q++)
            {
                final int from = Reference.randomPassable(map, random);
                final int to = Reference.randomPassable(map, random);
                final int[] path = Reference.path(finder, map, from, to);
                final double expected = Reference.dijkstra(map, from, to);
                if (Double.isInfinite(expected))
                {
                    assertThat(finder.lastLength()).as("%s %d->%d", name, from, to).isEqualTo(-1);
                    continue;
                }
                assertThat(finder.lastCost()).as("%s %d->%d", name, from, to).isCloseTo(expected, within(1e-9));
                assertThat(Reference.validate(map, from, to, path, path.length)).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void samePathEveryTimeFromAnyFinderWhateverRanBefore()
    {
        final GridMap map = TestMaps.load("random512-10-0.map");
        final GridMap small = TestMaps.load("plaza.map");
        final SplittableRandom random = new SplittableRandom(7);
        final AStarPathfinder other = new AStarPathfinder();
        for (int q = 0; q < 40; q++)
        {
            final int from = Reference.randomPassable(map, random);
            final int to = Reference.randomPassable(map, random);
            final int[] first = Reference.path(finder, map, from, to);
            // Disturb the first finder's state with unrelated searches on another map.
            finder.find(small, Reference.randomPassable(small, random), Reference.randomPassable(small, random));
            assertThat(Reference.path(finder, map, from, to)).isEqualTo(first);
            assertThat(Reference.path(new AStarPathfinder(), map, from, to)).isEqualTo(first);
            assertThat(Reference.path(other, map, from, to)).isEqualTo(first);
        }
    }

    @Test
    void growsForABiggerMapAndStaysCorrect()
    {
        final GridMap small = TestMaps.load("arena.map");
        final GridMap big = TestMaps.load("brc202d.map");
        finder.find(small, small.tile(19, 26), small.tile(19, 29));
        final int smallCapacity = finder.capacity();

        finder.find(big, Reference.randomPassable(big, new SplittableRandom(1)), Reference.randomPassable(big, new SplittableRandom(2)));

        assertThat(smallCapacity).isEqualTo(small.tileCount());
        assertThat(finder.capacity()).isEqualTo(big.tileCount());
        assertThat(finder.find(small, small.tile(19, 26), small.tile(19, 29))).isEqualTo(3);
        assertThat(finder.capacity()).isEqualTo(big.tileCount());
    }

    @Test
    void exactCostComparisonHandlesOppositeSigns()
    {
        assertThat(AStarPathfinder.compare(3, 0, 0, 2)).isPositive();   // 3 > 2.83
        assertThat(AStarPathfinder.compare(2, 0, 0, 2)).isNegative();   // 2 < 2.83
        assertThat(AStarPathfinder.compare(0, 5, 7, 0)).isPositive();   // 7.07 > 7
        assertThat(AStarPathfinder.compare(1, 1, 1, 1)).isZero();
        assertThat(AStarPathfinder.compare(4, 1, 3, 2)).isNegative();   // 1 < sqrt2
        // Pell pair 99^2 = 2*70^2 + 1: 99 exceeds 70*sqrt2 by only ~0.00505.
        assertThat(AStarPathfinder.compare(99, 0, 0, 70)).isPositive();
        assertThat(AStarPathfinder.compare(0, 70, 99, 0)).isNegative();
    }

    @Test
    void doubleCostsOrderExactlyAsTrueCostsWithinTheMapCap()
    {
        // The open list compares s + d*SQRT2 as doubles; this must agree with the exact order, including
        // for Pell pairs p^2 - 2q^2 = +-1, the closest distinct costs there are, up to counts near 2^23.
        final int[][] pell = {
            {99, 70}, {3363, 2378}, {114243, 80782}, {665857, 470832}, {3880899, 2744210}, {9369319, 6625109}};
        for (final int[] pq : pell)
        {
            assertSameOrder(pq[0], 0, 0, pq[1]);
            assertSameOrder(pq[0] + 17, 5, 17, pq[1] + 5);
        }
        final SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++)
        {
            final int bound = 1 << (1 + random.nextInt(24));
            final int s1 = random.nextInt(bound);
            final int d1 = random.nextInt(bound);
            final int s2 = random.nextBoolean() ? s1 + random.nextInt(-3, 4) : random.nextInt(bound);
            final int d2 = random.nextBoolean() ? d1 + random.nextInt(-3, 4) : random.nextInt(bound);
            assertSameOrder(Math.max(0, s1), d1, Math.max(0, s2), Math.max(0, d2));
        }
    }

    private static void assertSameOrder(final int s1, final int d1, final int s2, final int d2)
    {
        final double a = s1 + d1 * AStarPathfinder.SQRT2;
        final double b = s2 + d2 * AStarPathfinder.SQRT2;
        assertThat(Integer.signum(Double.compare(a, b)))
            .as("%d + %d*sqrt2 vs %d + %d*sqrt2", s1, d1, s2, d2)
            .isEqualTo(AStarPathfinder.compare(s1, d1, s2, d2));
    }

    @Test
    void searchesAllocateNothingAfterWarmUp()
    {
        final GridMap map = TestMaps.load("brc202d.map");
        final SplittableRandom random = new SplittableRandom(3);
        final int[] queries = new int[200];
        for (int i = 0; i < queries.length; i++)
        {
            queries[i] = Reference.randomPassable(map, random);
        }
        final int[] out = new int[map.tileCount()];
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < queries.length; i += 2)
            {
                finder.find(map, queries[i], queries[i + 1], out);
            }
        }

        final long overhead = Reference.allocationProbeOverhead();
        final long before = Reference.allocatedBytes();
        long sum = 0;
        for (int i = 0; i < queries.length; i += 2)
        {
            sum += finder.find(map, queries[i], queries[i + 1], out);
        }
        final long allocated = Reference.allocatedBytes() - before - overhead;

        assertThat(sum).isPositive();
        assertThat(allocated).isZero();
    }
}
