package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.journal.output.OutputQueue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * (g) The seed's scenario ({@link WorkloadBench}): latency percentiles, handler allocation, GC pauses,
 * resident memory and path cache hit rate, all from one run. Measured before every other group
 * ({@link Phase#FIRST}): the throughput rows map journal files, which would inflate its resident
 * memory. Also run for every other layout (the comparison rows).
 */
final class ScenarioRows implements RowGroup, ComparedGroup
{
    static final double BUDGET_P99_MICROS = 50;
    static final double BUDGET_P999_MICROS = 500;
    static final double BUDGET_GC_PAUSE_MILLIS = 10;
    static final double BUDGET_RSS_MB = 300;

    private WorkloadBench.Result result;

    /** The measurement behind the rows, for the rows that set it beside the seed's figures; null before {@link #measure}. */
    WorkloadBench.Result result()
    {
        return result;
    }

    @Override
    public Phase phase()
    {
        return Phase.FIRST;
    }

    @Override
    public String title(final BenchRun run)
    {
        final BenchSizes sizes = run.sizes();
        return "(g) seed scenario, " + sizes.scenarioActors() + " actors, " + sizes.scenarioWarmupSeconds() + " s warm-up + "
            + sizes.scenarioSeconds() + " s measured, " + BenchRun.name(run.config());
    }

    @Override
    public List<Row> measure(final BenchRun run)
    {
        final BenchSizes sizes = run.sizes();
        final Path dir = run.work().resolve("scenario");
        final WorkloadBench.Result g;
        try
        {
            g = WorkloadBench.run(sizes.scenarioActors(), sizes.scenarioWarmupSeconds(), sizes.scenarioSeconds(), run.config(),
                dir, run.probes());
        }
        finally
        {
            BenchRun.delete(dir);
            BenchRun.delete(OutputQueue.besideJournal(dir));
        }
        result = g;
        final String note = String.format(Locale.ROOT, "%d actors, %d cmd measured over %d s at %s cmd/s offered, %s",
            g.actors(), g.measuredCommands(), g.measuredSeconds(), BenchFormat.number(g.offeredPerSecond()),
            BenchRun.name(g.config()));
        return List.of(
            run.add(Row.info("g.p50", "(g) scenario latency p50", g.p50Micros(), "us", note)),
            run.add(Row.atMost("g.p99", "(g) scenario latency p99", g.p99Micros(), "us", BUDGET_P99_MICROS, "<= 50 us",
                "intended send -> outcome (coordinated omission corrected)")),
            run.add(Row.atMost("g.p999", "(g) scenario latency p99.9", g.p999Micros(), "us", BUDGET_P999_MICROS, "<= 500 us", "")),
            run.add(Row.info("g.max", "(g) scenario latency max", g.maxMicros(), "us", "")),
            run.add(Row.atMost("g.alloc", "(g) handler thread allocation", g.bytesPerCommand(), "B/cmd", 0, "0 B/cmd",
                "handler thread's allocated bytes (ThreadMXBean), sampled each tick after warm-up: " + g.allocatedBytes() + " B, "
                    + BenchFormat.number(g.bytesPerSecond() / 1e3) + " kB/s")),
            run.add(Row.info("g.gc.count", "(g) GC pauses during measurement", g.gc().pauses(), "",
                "total " + g.gc().totalMillis() + " ms")),
            run.add(Row.atMost("g.gc.max", "(g) longest GC pause", g.gc().longestMillis(), "ms", BUDGET_GC_PAUSE_MILLIS,
                "<= 10 ms", g.gc().pauses() == 0 ? "no pause" : g.gc().longest())),
            run.add(Row.atMost("g.rss", "(g) resident memory (VmRSS at end)", g.rssKb() / 1024.0, "MB", BUDGET_RSS_MB,
                "<= 300 MB", "peak VmHWM " + BenchFormat.number(g.hwmKb() / 1024.0) + " MB; heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max")),
            run.add(Row.info("g.paths", "(g) path cache hit rate (whole run)", 100 * g.hitRate(), "%",
                g.pathHits() + " hits, " + g.pathMisses() + " misses (A* searches on the handler thread)")));
    }

    @Override
    public String letter()
    {
        return "(g)";
    }

    @Override
    public Row compare(final BenchRun run, final PipelineConfig other)
    {
        final BenchSizes sizes = run.sizes();
        final Path dir = run.work().resolve("scenario-" + BenchRun.key(other));
        final WorkloadBench.Result og;
        try
        {
            og = WorkloadBench.run(sizes.scenarioActors(), Math.max(1, sizes.scenarioWarmupSeconds() / 2), sizes.compareSeconds(),
                other, dir, run.probes());
        }
        finally
        {
            BenchRun.delete(dir);
            BenchRun.delete(OutputQueue.besideJournal(dir));
        }
        return Row.info("g.p99." + BenchRun.key(other), "(g) scenario p99, " + BenchRun.name(other), og.p99Micros(), "us",
            String.format(Locale.ROOT, "p50 %s us, p99.9 %s us, max %s us over %d s", BenchFormat.number(og.p50Micros()),
                BenchFormat.number(og.p999Micros()), BenchFormat.number(og.maxMicros()), og.measuredSeconds()));
    }
}
