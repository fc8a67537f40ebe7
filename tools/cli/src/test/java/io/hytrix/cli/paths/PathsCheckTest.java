package io.hytrix.cli.paths;

import io.hytrix.engine.map.MapFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathsCheckTest
{
    private static final List<String> BENCHMARKS = List.of(
        "arena", "den312d", "lak303d", "arena2", "brc202d", "maze512-1-0", "random512-10-0");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed()
    {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyShippedBenchmarkMatchesItsPublishedOptimalLengths()
    {
        int total = 0;
        for (final String name : BENCHMARKS)
        {
            final long started = System.nanoTime();
            final PathsReport report = PathsCheck.run(ProjectMaps.file(name + ".map"), ProjectMaps.file(name + ".map.scen"), progress);
            System.out.printf("%-16s %s  (%d ms)%n", name, report.lastLine(), (System.nanoTime() - started) / 1_000_000);

            assertThat(report.mismatches()).as(name + ": " + printed()).isZero();
            assertThat(report.maxError()).isLessThanOrEqualTo(PathsCheck.TOLERANCE);
            assertThat(report.scenarios()).isPositive();
            total += report.scenarios();
        }
        assertThat(total).isEqualTo(130 + 290 + 1040 + 910 + 2550 + 12120 + 1780);
        assertThat(printed()).isEmpty();
    }

    @Test
    void aWrongOptimalLengthIsReportedAsAMismatch() throws Exception
    {
        final Path scen = Files.writeString(dir.resolve("arena.map.scen"), "version 1\n"
            + "0\tarena.map\t49\t49\t19\t26\t19\t29\t3.00000000\n"
            + "0\tarena.map\t49\t49\t44\t30\t43\t28\t2.50000000\n"
            + "0\tarena.map\t49\t49\t44\t30\t43\t28\t2.41421356\n"
            + "0\tarena.map\t49\t49\t0\t0\t19\t29\t5.00000000\n");

        final PathsReport report = PathsCheck.run(ProjectMaps.file("arena.map"), scen, progress);

        assertThat(report.scenarios()).isEqualTo(4);
        assertThat(report.mismatches()).isEqualTo(2);
        assertThat(report.maxError()).isInfinite();
        assertThat(report.lastLine()).isEqualTo("scenarios=4 mismatches=2 maxError=Infinity");
        assertThat(printed().lines()).containsExactly(
            scen + ":3: (44,30) -> (43,28) expected 2.50000000 but found 2.41421356",
            scen + ":5: (0,0) -> (19,29) expected 5.00000000 but found no path");
    }

    @Test
    void threadCountDoesNotChangeTheReport() throws Exception
    {
        final String text = Files.readString(ProjectMaps.file("lak303d.map.scen"))
            .replaceFirst("\t(\\d+\\.\\d+)\n", "\t999.0\n");
        final Path scen = Files.writeString(dir.resolve("lak303d.map.scen"), text);

        final PathsReport single = PathsCheck.run(ProjectMaps.file("lak303d.map"), scen, progress, 1);
        final String singleLines = printed();
        printed.reset();
        final PathsReport several = PathsCheck.run(ProjectMaps.file("lak303d.map"), scen, progress, 3);

        assertThat(single.mismatches()).isEqualTo(1);
        assertThat(several).isEqualTo(single);
        assertThat(printed()).isEqualTo(singleLines).startsWith(scen + ":2: ");
    }

    @Test
    void lastLineHasTheAgreedShape()
    {
        assertThat(new PathsReport(130, 0, 0.0).lastLine()).isEqualTo("scenarios=130 mismatches=0 maxError=0.0");
        assertThat(new PathsReport(3, 1, 0.5).lastLine()).isEqualTo("scenarios=3 mismatches=1 maxError=0.5");
    }

    @Test
    void scenarioForAMapOfAnotherSizeIsAClearError() throws Exception
    {
        final Path scen = Files.writeString(dir.resolve("x.scen"), "version 1\n0\tarena.map\t50\t49\t1\t1\t2\t2\t1.41421356\n");

        assertThatThrownBy(() -> PathsCheck.run(ProjectMaps.file("arena.map"), scen, progress))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(scen + ":2: scenario is for a 50x49 map but " + ProjectMaps.file("arena.map") + " is 49x49");
    }

    @Test
    void unreadableFilesAreNamed()
    {
        final Path missing = dir.resolve("missing.map");

        assertThatThrownBy(() -> PathsCheck.run(missing, ProjectMaps.file("arena.map.scen"), progress))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageStartingWith("cannot read " + missing + ": ")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> PathsCheck.run(ProjectMaps.file("arena.map"), dir.resolve("missing.scen"), progress))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageStartingWith("cannot read " + dir.resolve("missing.scen") + ": ");
    }

    @Test
    void malformedMapNamesFileAndLine() throws Exception
    {
        final Path map = Files.writeString(dir.resolve("bad.map"), "type octile\nheight 2\nwidth 3\nmap\n...\n..\n");

        assertThatThrownBy(() -> PathsCheck.run(map, ProjectMaps.file("arena.map.scen"), progress))
            .isInstanceOf(MapFormatException.class)
            .hasMessage(map + ":6: map row 1 has 2 characters, expected 3");
    }
}
