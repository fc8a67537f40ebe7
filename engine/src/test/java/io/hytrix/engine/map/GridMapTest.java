package io.hytrix.engine.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridMapTest
{
    @Test
    void tileIndexIsRowMajor()
    {
        final GridMap map = TestMaps.of("....", "....", "....");

        assertThat(map.tile(3, 2)).isEqualTo(11);
        assertThat(map.x(11)).isEqualTo(3);
        assertThat(map.y(11)).isEqualTo(2);
        assertThat(map.inBounds(3, 2)).isTrue();
        assertThat(map.inBounds(4, 0)).isFalse();
        assertThat(map.inBounds(0, -1)).isFalse();
        assertThat(map.passable(-1, 0)).isFalse();
        assertThat(map.passable(0, 3)).isFalse();
        assertThat(map.passableTile(-1)).isFalse();
        assertThat(map.passableTile(12)).isFalse();
    }

    @Test
    void straightStepsNeedOnlyThePassableTarget()
    {
        final GridMap map = TestMaps.of(
            ".@.",
            "...",
            "@..");
        final int centre = map.tile(1, 1);

        assertThat(map.canStep(centre, 0, -1)).isFalse();
        assertThat(map.canStep(centre, 1, 0)).isTrue();
        assertThat(map.canStep(centre, 0, 1)).isTrue();
        assertThat(map.canStep(centre, -1, 0)).isTrue();
    }

    @Test
    void diagonalStepsNeverCutACorner()
    {
        final GridMap map = TestMaps.of(
            ".@.",
            "...",
            "@..");
        final int centre = map.tile(1, 1);

        // NE and NW squeeze past the wall at (1,0); SW lands on (0,2), a wall.
        assertThat(map.canStep(centre, 1, -1)).isFalse();
        assertThat(map.canStep(centre, -1, -1)).isFalse();
        assertThat(map.canStep(centre, -1, 1)).isFalse();
        assertThat(map.canStep(centre, 1, 1)).isTrue();
        // From (0,1) going SE passes (0,2), a wall, even though (1,2) is open.
        assertThat(map.canStep(map.tile(0, 1), 1, 1)).isFalse();
        // From (1,2) going NW passes (0,2), a wall, even though (0,1) is open.
        assertThat(map.canStep(map.tile(1, 2), -1, -1)).isFalse();
    }

    @Test
    void stepsOffTheMapFromBlockedTilesOrOfBadShapeAreIllegal()
    {
        final GridMap map = TestMaps.of(
            "..",
            ".@");

        assertThat(map.canStep(map.tile(0, 0), -1, 0)).isFalse();
        assertThat(map.canStep(map.tile(0, 0), 0, -1)).isFalse();
        assertThat(map.canStep(map.tile(1, 0), 1, 1)).isFalse();
        assertThat(map.canStep(map.tile(1, 1), -1, 0)).isFalse();
        assertThat(map.canStep(map.tile(0, 0), 0, 0)).isFalse();
        assertThat(map.canStep(map.tile(0, 0), 2, 0)).isFalse();
        assertThat(map.canStep(-1, 1, 0)).isFalse();
        assertThat(map.canStep(4, -1, 0)).isFalse();
        assertThat(map.canStep(map.tile(0, 0), 1, 0)).isTrue();
    }

    @Test
    void precomputedStepMasksAgreeWithCanStepEverywhere()
    {
        final GridMap map = TestMaps.load("den312d.map");

        for (int tile = 0; tile < map.tileCount(); tile++)
        {
            for (int d = 0; d < GridMap.DIRECTIONS; d++)
            {
                final boolean legal = map.canStep(tile, GridMap.stepDx(d), GridMap.stepDy(d));
                assertThat((map.stepMask(tile) >>> d & 1) == 1).as("tile %d dir %d", tile, d).isEqualTo(legal);
                if (legal)
                {
                    final int target = tile + map.stepOffset(d);
                    assertThat(map.x(target)).isEqualTo(map.x(tile) + GridMap.stepDx(d));
                    assertThat(map.y(target)).isEqualTo(map.y(tile) + GridMap.stepDy(d));
                }
            }
        }
    }

    @Test
    void directionsMatchTheCommandCompass()
    {
        for (final io.hytrix.engine.command.Direction d : io.hytrix.engine.command.Direction.values())
        {
            assertThat(GridMap.stepDx(d.id())).as(d.name()).isEqualTo(d.dx());
            assertThat(GridMap.stepDy(d.id())).as(d.name()).isEqualTo(d.dy());
            assertThat(GridMap.isDiagonal(d.id())).isEqualTo(d.dx() != 0 && d.dy() != 0);
        }
    }

    @Test
    void contentHashIsPinnedFnv1a()
    {
        // FNV-1a 64 over LE width, LE height, then 0/1 per tile; computed independently of this code.
        assertThat(TestMaps.of(".@.", "...").contentHash()).isEqualTo(0xa35c5fc868a92481L);
    }

    @Test
    void contentHashSeesPassabilityAndShapeButNotGlyphsOrName()
    {
        final long base = TestMaps.of(".@.", "...").contentHash();

        assertThat(TestMaps.parse("other", "type octile\nheight 2\nwidth 3\nmap\nGTS\nS.G\n").contentHash()).isEqualTo(base);
        assertThat(TestMaps.of("...", "...").contentHash()).isNotEqualTo(base);
        assertThat(TestMaps.of("..", "..", "..").contentHash()).isNotEqualTo(TestMaps.of("...", "...").contentHash());
    }

    @Test
    void copiesTheCallersArray()
    {
        final boolean[] open = {true, true, true, true};
        final GridMap map = new GridMap("copy", 2, 2, open);
        open[0] = false;

        assertThat(map.passable(0, 0)).isTrue();
        assertThat(map.passableCount()).isEqualTo(4);
    }

    @Test
    void rejectsInconsistentConstruction()
    {
        assertThatThrownBy(() -> new GridMap("m", 2, 2, new boolean[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GridMap("m", 0, 2, new boolean[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GridMap("m", 4097, 1, new boolean[4097])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GridMap(null, 1, 1, new boolean[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
