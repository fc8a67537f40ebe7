package io.hytrix.cli.paths;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Solves every problem of a Moving AI scenario file with the engine's {@link AStarPathfinder} and compares
 * each cost with the published {@code optimal_length}. The benchmark lengths follow the same octile,
 * no-corner-cutting rule as the engine, and are printed to 8 decimals, hence the 1e-6 tolerance.
 */
public final class PathsCheck
{
    public static final double TOLERANCE = 1e-6;
    private static final int BATCH = 16;

    private PathsCheck()
    {
    }

    /** As {@link #run(Path, Path, PrintStream, int)} on one thread per available processor. */
    public static PathsReport run(final Path map, final Path scen, final PrintStream progress)
    {
        return run(map, scen, progress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Solves the problems on {@code threads} threads, each with its own pathfinder. Every problem's answer
     * is independent of which thread solved it or what it solved before, so the report and the mismatch
     * lines (printed in file order once all are solved) are the same for any thread count.
     *
     * @param progress receives one line per mismatch (may be null); the summary is left to the caller,
     *                 see {@link PathsReport#lastLine()}
     * @throws UncheckedIOException        when either file cannot be read, naming it
     * @throws IllegalArgumentException    (a {@link MovingAiScenarioException}) for a malformed scenario file or
     *                                     one written for a map of another size
     * @throws io.hytrix.engine.map.MapFormatException for a malformed map
     */
    public static PathsReport run(final Path map, final Path scen, final PrintStream progress, final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        final GridMap grid = loadMap(map);
        final MovingAiScenarioFile problems = MovingAiScenarioFile.read(scen);
        // Reject a scenario file for another map before spending minutes solving it.
        for (int i = 0; i < problems.size(); i++)
        {
            if (problems.mapWidth(i) != grid.width() || problems.mapHeight(i) != grid.height())
            {
                throw problems.error(i, "scenario is for a " + problems.mapWidth(i) + "x" + problems.mapHeight(i)
                    + " map but " + map + " is " + grid.width() + "x" + grid.height());
            }
        }

        final double[] costs = solveAll(grid, problems, Math.min(threads, Math.max(1, problems.size() / 64)));
        int mismatches = 0;
        double maxError = 0;
        for (int i = 0; i < problems.size(); i++)
        {
            final double error = Math.abs(costs[i] - problems.optimalLength(i));
            maxError = Math.max(maxError, error);
            if (!(error <= TOLERANCE))
            {
                mismatches++;
                if (progress != null)
                {
                    progress.println(mismatch(problems, i, costs[i]));
                }
            }
        }
        return new PathsReport(problems.size(), mismatches, maxError);
    }

    /** Cost of every problem, positive infinity where the goal was not reached. */
    private static double[] solveAll(final GridMap grid, final MovingAiScenarioFile problems, final int threads)
    {
        final double[] costs = new double[problems.size()];
        final AtomicInteger next = new AtomicInteger();
        final Runnable worker = () ->
        {
            final AStarPathfinder finder = new AStarPathfinder().ensureCapacity(grid.tileCount());
            // Small batches keep threads busy to the end even though problem sizes vary a hundredfold.
            for (int first = next.getAndAdd(BATCH); first < costs.length; first = next.getAndAdd(BATCH))
            {
                final int last = Math.min(first + BATCH, costs.length);
                for (int i = first; i < last; i++)
                {
                    final int from = grid.tile(problems.startX(i), problems.startY(i));
                    final int to = grid.tile(problems.goalX(i), problems.goalY(i));
                    finder.find(grid, from, to);
                    costs[i] = finder.lastCost();
                }
            }
        };
        if (threads == 1)
        {
            worker.run();
            return costs;
        }
        final Thread[] pool = new Thread[threads - 1];
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < pool.length; t++)
        {
            pool[t] = new Thread(() ->
            {
                try
                {
                    worker.run();
                }
                catch (final Throwable e)
                {
                    failure.compareAndSet(null, e);
                }
            }, "paths-check-" + (t + 1));
            pool[t].setDaemon(true);
            pool[t].start();
        }
        worker.run();
        for (final Thread thread : pool)
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking paths", e);
            }
        }
        if (failure.get() != null)
        {
            throw new IllegalStateException("a path-check thread failed: " + failure.get(), failure.get());
        }
        return costs;
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

    private static String mismatch(final MovingAiScenarioFile problems, final int i, final double cost)
    {
        final boolean reached = cost != Double.POSITIVE_INFINITY;
        return String.format(Locale.ROOT, "%s:%d: (%d,%d) -> (%d,%d) expected %.8f but found %s",
            problems.source(), problems.line(i), problems.startX(i), problems.startY(i), problems.goalX(i),
            problems.goalY(i), problems.optimalLength(i),
            reached ? String.format(Locale.ROOT, "%.8f", cost) : "no path");
    }
}
