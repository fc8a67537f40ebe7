package io.hytrix.tools.paths;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MovingAiMapParser;
import io.hytrix.engine.path.AStarPathfinder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Solves every problem of a Moving AI scenario file with the engine's {@link AStarPathfinder} and compares
 * each cost with the published {@code optimal_length}. The benchmark lengths follow the same octile,
 * no-corner-cutting rule as the engine, and are printed to 8 decimals, hence the 1e-6 tolerance.
 */
public final class PathsCheck
{
    public static final double TOLERANCE = 1e-6;

    private PathsCheck()
    {
    }

    /**
     * @param progress receives one line per mismatch (may be null); the summary is left to the caller,
     *                 see {@link PathsReport#lastLine()}
     * @throws UncheckedIOException        when either file cannot be read, naming it
     * @throws IllegalArgumentException    (a {@link ScenarioFormatException}) for a malformed scenario file or
     *                                     one written for a map of another size
     * @throws io.hytrix.engine.map.MapFormatException for a malformed map
     */
    public static PathsReport run(final Path map, final Path scen, final PrintStream progress)
    {
        final GridMap grid = loadMap(map);
        final ScenarioFile problems = ScenarioFile.read(scen);
        // Reject a scenario file for another map before spending minutes solving it.
        for (int i = 0; i < problems.size(); i++)
        {
            if (problems.mapWidth(i) != grid.width() || problems.mapHeight(i) != grid.height())
            {
                throw problems.error(i, "scenario is for a " + problems.mapWidth(i) + "x" + problems.mapHeight(i)
                    + " map but " + map + " is " + grid.width() + "x" + grid.height());
            }
        }

        final AStarPathfinder finder = new AStarPathfinder().ensureCapacity(grid.tileCount());
        int mismatches = 0;
        double maxError = 0;
        for (int i = 0; i < problems.size(); i++)
        {
            final int from = grid.tile(problems.startX(i), problems.startY(i));
            final int to = grid.tile(problems.goalX(i), problems.goalY(i));
            final boolean reached = finder.find(grid, from, to) != AStarPathfinder.NO_PATH;
            final double expected = problems.optimalLength(i);
            final double error = reached ? Math.abs(finder.lastCost() - expected) : Double.POSITIVE_INFINITY;
            maxError = Math.max(maxError, error);
            if (!(error <= TOLERANCE))
            {
                mismatches++;
                if (progress != null)
                {
                    progress.println(mismatch(problems, i, reached, finder.lastCost()));
                }
            }
        }
        return new PathsReport(problems.size(), mismatches, maxError);
    }

    /** Command-line entry: {@code PathsCheck MAP SCEN}; exit 0 only when nothing mismatches. */
    public static void main(final String[] args)
    {
        if (args.length != 2)
        {
            System.err.println("usage: PathsCheck MAP SCEN");
            System.exit(2);
        }
        final PathsReport report = run(Path.of(args[0]), Path.of(args[1]), System.out);
        System.out.println(report.lastLine());
        System.exit(report.mismatches() == 0 ? 0 : 1);
    }

    static GridMap loadMap(final Path map)
    {
        try (BufferedReader in = Files.newBufferedReader(map, StandardCharsets.ISO_8859_1))
        {
            final Path fileName = map.getFileName();
            return MovingAiMapParser.parse(fileName == null ? map.toString() : fileName.toString(), map.toString(), in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + map + ": " + e.getMessage(), e);
        }
    }

    private static String mismatch(final ScenarioFile problems, final int i, final boolean reached, final double cost)
    {
        return String.format(Locale.ROOT, "%s:%d: (%d,%d) -> (%d,%d) expected %.8f but found %s",
            problems.source(), problems.line(i), problems.startX(i), problems.startY(i), problems.goalX(i),
            problems.goalY(i), problems.optimalLength(i),
            reached ? String.format(Locale.ROOT, "%.8f", cost) : "no path");
    }
}
