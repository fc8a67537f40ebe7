package io.hytrix.replay;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippedMapsTest
{
    @TempDir
    Path dir;

    @Test
    void everyShippedMapLoadsFromTheClasspath()
    {
        final ShippedMaps maps = new ShippedMaps();
        for (final String name : ShippedMaps.SHIPPED)
        {
            final GridMap map = maps.find(name);
            assertThat(map).as(name).isNotNull();
            assertThat(map.passableCount()).as(name).isPositive();
        }
        assertThat(maps.find("arena2").width()).isEqualTo(281);
        assertThat(maps.find("arena2").height()).isEqualTo(209);
        assertThat(maps.find("arena")).isSameAs(maps.find("arena"));
    }

    @Test
    void unknownOrUnsafeNamesAreUnknown()
    {
        final ShippedMaps maps = new ShippedMaps(dir);
        assertThat(maps.find("atlantis")).isNull();
        assertThat(maps.find("../maps/arena")).isNull();
        assertThat(maps.find("")).isNull();
        assertThatThrownBy(() -> maps.require("atlantis"))
            .hasMessageStartingWith("unknown map 'atlantis' (shipped: plaza, islands, arena");
    }

    @Test
    void aDirectoryMapOverridesAndAMalformedOneNamesFileAndLine() throws Exception
    {
        Files.writeString(dir.resolve("tiny.map"), "type octile\nheight 1\nwidth 2\nmap\n..\n");
        Files.writeString(dir.resolve("broken.map"), "type octile\nheight 1\nwidth two\nmap\n..\n");
        final ShippedMaps maps = new ShippedMaps(dir);
        assertThat(maps.find("tiny").passableCount()).isEqualTo(2);
        assertThatThrownBy(() -> maps.find("broken"))
            .isInstanceOf(MapFormatException.class)
            .hasMessageStartingWith(dir.resolve("broken.map") + ":3:");
    }
}
