package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every row of {@code ./hytrix bench} in one process and returns the report. The rows are
 * {@link RowGroup}s listed in table order by {@link #groups}; this class only sequences them: (g)
 * first, so its resident-memory figures are not inflated by the throughput rows' journals, then the
 * rest in order, then the other layouts and wait strategies ({@link ComparedGroup}), then the
 * whole-run figures.
 */
public final class Bench
{
    /** The layouts and wait strategies compared; busy-spin is left out: with 2 cores it starves the other threads. */
    static final WaitStrategyName[] COMPARED_WAITS = { WaitStrategyName.YIELDING, WaitStrategyName.SLEEPING, WaitStrategyName.BLOCKING,
        WaitStrategyName.COUNTED_BLOCKING };

    private final BenchSizes sizes;
    private final PipelineConfig config;
    private final PrintStream progress;
    private final long started = System.nanoTime();

    public Bench(final BenchSizes sizes, final PipelineConfig config, final PrintStream progress)
    {
        this.sizes = sizes;
        this.config = config;
        this.progress = progress;
    }

    /**
     * The table, in order. New groups per run: a group keeps what the groups after it read (the (b2)
     * journal for (e), the (c+o) outputs for (e+v), the (g) result for the seed rows).
     */
    static List<RowGroup> groups(final ReferenceFigures reference)
    {
        final JournalAppendRow journal = new JournalAppendRow();
        final RecordedPipelineRows recorded = new RecordedPipelineRows();
        final ScenarioRows scenario = new ScenarioRows();
        return List.of(new HandOffRow(), new QueueAppendRow(), journal, new SyncedAppendRow(), new GroupCommitRow(),
            new PipelineRows(), new NoTravelPipelineRow(), recorded, new HandlerRows(), new NoTravelHandlerRow(),
            new ChecksumRow(), new ReplayRows(journal), new VerifyRow(recorded), new PathRows(), scenario,
            new SeedRows(scenario, reference), new JvmRows());
    }

    public BenchReport run() throws Exception
    {
        final ReferenceFigures reference = ReferenceFigures.load();
        final Path work = Files.createTempDirectory("hytrix-bench-");
        final List<Row> rows = new ArrayList<>();
        try (JvmProbes probes = new JvmProbes())
        {
            final BenchRun run = new BenchRun(sizes, config, work, probes, progress, started);
            final List<RowGroup> groups = groups(reference);
            final Map<RowGroup, List<Row>> measured = new IdentityHashMap<>();
            measure(run, groups, RowGroup.Phase.FIRST, measured);
            run.mix(); // generated here, not inside (a)'s progress line: (g) does not use it, every other row does
            measure(run, groups, RowGroup.Phase.IN_ORDER, measured);
            final List<Row> compared = compare(run, groups);
            measure(run, groups, RowGroup.Phase.LAST, measured);
            for (final RowGroup group : groups)
            {
                rows.addAll(measured.get(group));
            }
            rows.addAll(compared);
        }
        finally
        {
            BenchRun.delete(work);
        }
        return new BenchReport(sizes, config, rows, (System.nanoTime() - started) / 1e9, reference);
    }

    /** Measures the groups of {@code phase}, in table order, into {@code into}. */
    static void measure(final BenchRun run, final List<RowGroup> groups, final RowGroup.Phase phase,
        final Map<RowGroup, List<Row>> into) throws Exception
    {
        for (final RowGroup group : groups)
        {
            if (group.phase() != phase)
            {
                continue;
            }
            final String title = group.title(run);
            if (title != null)
            {
                run.step(title);
            }
            into.put(group, group.measure(run));
        }
    }

    /**
     * Every {@link ComparedGroup} again for each other layout (and, in a full run, each other wait
     * strategy): all of one group's configurations, then the next group's.
     */
    static List<Row> compare(final BenchRun run, final List<RowGroup> groups) throws Exception
    {
        final List<Row> rows = new ArrayList<>();
        for (final RowGroup group : groups)
        {
            if (group instanceof ComparedGroup compared)
            {
                for (final PipelineConfig other : others(run.config(), run.sizes()))
                {
                    run.step(compared.letter() + " compare " + BenchRun.name(other));
                    rows.add(run.add(compared.compare(run, other)));
                }
            }
        }
        return rows;
    }

    /** The configurations compared against {@code config}: every layout, and every wait strategy if the sizes say so. */
    static List<PipelineConfig> others(final PipelineConfig config, final BenchSizes sizes)
    {
        final List<PipelineConfig> others = new ArrayList<>();
        for (final ThreadLayout layout : ThreadLayout.values())
        {
            for (final WaitStrategyName wait : COMPARED_WAITS)
            {
                final PipelineConfig other = config.withLayout(layout).withWaitStrategy(wait);
                final boolean same = other.layout() == config.layout() && other.waitStrategy() == config.waitStrategy();
                if (!same && (sizes.compareWaitStrategies() || wait == config.waitStrategy()))
                {
                    others.add(other);
                }
            }
        }
        return others;
    }
}
