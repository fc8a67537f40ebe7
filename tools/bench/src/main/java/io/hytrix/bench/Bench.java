package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;
import io.hytrix.journal.output.OutputQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs every row of {@code ./hytrix bench} in one process and returns the report. The scenario (g)
 * runs first so its resident-memory figures are not inflated by the throughput rows' journals.
 */
public final class Bench
{
    static final double BUDGET_THROUGHPUT = 2_000_000;
    static final double BUDGET_RATIO_TO_QUEUE = 0.5;
    static final double BUDGET_P99_MICROS = 50;
    static final double BUDGET_P999_MICROS = 500;
    static final double BUDGET_GC_PAUSE_MILLIS = 10;
    static final double BUDGET_RSS_MB = 300;
    static final double BUDGET_REPLAY = 3_000_000;
    static final double BUDGET_RECOVERY_SECONDS = 5;
    static final long RECOVERY_COMMANDS = 10_000_000L;

    /** Checksums per (h) iteration: about 0.1 ms each at 2,500 actors. */
    private static final int CHECKSUMS_PER_ITERATION = 200;
    /** The checksum interval of the (c+o) row: the service default. */
    private static final int OUTPUT_CHECKSUM_TICKS = io.hytrix.service.OutputSettings.DEFAULT_CHECKSUM_EVERY_TICKS;

    /** Appends per (b3) iteration: an msync costs ~0.1 ms here, so a few thousand are enough. */
    private static final long SYNCED_APPENDS = 2_000;
    /** The batch of the (b4) group-commit row. */
    private static final int GROUP_COMMIT = 100;

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

    public BenchReport run() throws Exception
    {
        final Path work = Files.createTempDirectory("hytrix-bench-");
        final List<Row> rows = new ArrayList<>();
        final List<Row> compare = new ArrayList<>();
        try (JvmProbes probes = new JvmProbes())
        {
            step("(g) seed scenario, " + sizes.scenarioActors() + " actors, " + sizes.scenarioWarmupSeconds() + " s warm-up + "
                + sizes.scenarioSeconds() + " s measured, " + name(config));
            final WorkloadBench.Result g = WorkloadBench.run(sizes.scenarioActors(), sizes.scenarioWarmupSeconds(),
                sizes.scenarioSeconds(), config, work.resolve("scenario"), probes);
            delete(work.resolve("scenario"));

            step("generating the command mix (" + sizes.mixSize() + " commands)");
            final CommandMix mix = CommandMix.generate(sizes.mixSize(), 2500);

            step("(a) Disruptor hand-off");
            final Stats a = Throughput.handOff(mix, config, sizes.handOffEvents(), sizes.warmups(), sizes.iterations());
            step("(b) Chronicle Queue append of pre-encoded bytes");
            final Stats b = Throughput.rawAppend(mix, work.resolve("raw"), sizes.appendEvents(), sizes.warmups(), sizes.iterations());
            delete(work.resolve("raw"));
            step("(b2) ChronicleJournal.append (encode + append)");
            final Path replayJournal = work.resolve("journal");
            final Stats b2 = Throughput.journalAppend(mix, replayJournal, sizes.journalCommands(), sizes.warmups(),
                sizes.iterations(), false);
            step("(b3) ChronicleJournal.append with sync (msync per append)");
            final Stats b3 = Throughput.journalAppend(mix, work.resolve("synced"), SYNCED_APPENDS, 1, 3, true);
            delete(work.resolve("synced"));
            step("(b4) ChronicleJournal.append with sync, one force per " + GROUP_COMMIT + " appends");
            final Stats b4 = Throughput.journalAppend(mix, work.resolve("grouped"), SYNCED_APPENDS * GROUP_COMMIT / 10, 1, 3,
                true, GROUP_COMMIT);
            delete(work.resolve("grouped"));
            final long journalSize = sizes.journalCommands() * (sizes.warmups() + sizes.iterations());

            step("(c) pipeline, journal on, " + name(config));
            final Throughput.Result c = pipeline(mix, config, work);

            step("(c') pipeline, mix without travel (no A*)");
            final CommandMix noPaths = mix.withoutTravel();
            final Throughput.Result c2 = pipeline(noPaths, config, work);

            step("(c+o) pipeline, journal on, outputs recorded (checksum every " + OUTPUT_CHECKSUM_TICKS + " ticks)");
            final Path recorded = work.resolve("pipeline-outputs");
            final Throughput.Result co = Throughput.pipeline(mix, config, recorded, sizes.pipelineCommands(), sizes.warmups(),
                sizes.iterations(), OUTPUT_CHECKSUM_TICKS);
            step("(e+v) replay --verify of the journal and outputs (c+o) wrote");
            final Stats ev = Throughput.verify(recorded, Math.max(1, sizes.replayIterations()));
            delete(recorded);
            delete(OutputQueue.besideJournal(recorded));

            step("(d) handler alone");
            final Throughput.Result d = Throughput.handler(mix, sizes.handlerCommands(), sizes.warmups(), sizes.iterations());
            step("(d') handler alone, mix without travel");
            final Throughput.Result d2 = Throughput.handler(noPaths, sizes.handlerCommands(), sizes.warmups(), sizes.iterations());
            step("(h) production checksum of the scenario's state");
            final ChecksumBench.Result h = ChecksumBench.run(sizes.scenarioActors(), Math.min(200_000, sizes.handlerCommands()),
                CHECKSUMS_PER_ITERATION, sizes.warmups(), sizes.iterations());
                        step("(e) replay of a " + journalSize + "-command journal, " + (1 + sizes.replayIterations()) + " times");
            final Throughput.Result e = Throughput.replay(replayJournal, sizes.replayIterations());
            delete(replayJournal);
            step("(f) pathfinding, " + sizes.pathQueries() + " random pairs on each of " + PathBench.MAPS.length + " maps");
            final PathBench.Result f = PathBench.run(sizes.pathQueries(), Math.max(1, sizes.iterations() / 2));

            // The layout / wait-strategy comparison: (c) for every pair, (g) per layout (and per wait strategy in a full run).
            for (final ThreadLayout layout : ThreadLayout.values())
            {
                for (final WaitStrategyName wait : COMPARED_WAITS)
                {
                    final PipelineConfig other = config.withLayout(layout).withWaitStrategy(wait);
                    if (sameConfig(other, config) || (!sizes.compareWaitStrategies() && wait != config.waitStrategy()))
                    {
                        continue;
                    }
                    step("(c) compare " + name(other));
                    final Throughput.Result oc = pipeline(mix, other, work);
                    compare.add(Row.info("c." + key(other), "(c) pipeline, " + name(other), oc.stats().median(), "cmd/s",
                        oc.stats().describe() + "; (c)/(b)=" + BenchFormat.ratio(oc.stats().median() / b.median())));
                }
            }
            for (final ThreadLayout layout : ThreadLayout.values())
            {
                for (final WaitStrategyName wait : COMPARED_WAITS)
                {
                    final PipelineConfig other = config.withLayout(layout).withWaitStrategy(wait);
                    if (sameConfig(other, config) || (!sizes.compareWaitStrategies() && wait != config.waitStrategy()))
                    {
                        continue;
                    }
                    step("(g) compare " + name(other));
                    final WorkloadBench.Result og = WorkloadBench.run(sizes.scenarioActors(),
                        Math.max(1, sizes.scenarioWarmupSeconds() / 2), sizes.compareSeconds(), other,
                        work.resolve("scenario-" + key(other)), probes);
                    delete(work.resolve("scenario-" + key(other)));
                    compare.add(Row.info("g.p99." + key(other), "(g) scenario p99, " + name(other), og.p99Micros(), "us",
                        String.format(Locale.ROOT, "p50 %s us, p99.9 %s us, max %s us over %d s",
                            BenchFormat.number(og.p50Micros()), BenchFormat.number(og.p999Micros()),
                            BenchFormat.number(og.maxMicros()), og.measuredSeconds())));
                }
            }

            rows(rows, a, b, b2, b3, c, d, e, f, g, mix, journalSize);
            rows.add(indexOf(rows, "b3") + 1, Row.info("b4", "(b4) ... --sync, one force per " + GROUP_COMMIT + " appends",
                b4.median(), "cmd/s", b4.describe() + "; the pipeline's group commit: one force per batch"));
            final int at = indexOf(rows, "c.alloc") + 1;
            rows.add(at, Row.info("c'", "(c') pipeline, mix without travel (no A*)", c2.stats().median(), "cmd/s",
                c2.stats().describe() + "; (c')/(b)=" + BenchFormat.ratio(c2.stats().median() / b.median())
                    + "; the ring and journal without the handler's path searches"));
            final int atCo = indexOf(rows, "c'") + 1;
            rows.add(atCo, Row.info("c+o", "(c+o) pipeline, journal + recorded outputs", co.stats().median(), "cmd/s",
                co.stats().describe() + "; (c+o)/(c)=" + BenchFormat.ratio(co.stats().median() / c.stats().median())
                    + "; outcome+events+checksum every " + OUTPUT_CHECKSUM_TICKS + " ticks appended on the handler thread"));
            rows.add(atCo + 1, Row.atMost("c+o.alloc", "(c+o) handler thread allocation", co.handlerBytesPerCommand(), "B/cmd", 0,
                "0 B/cmd", co.handlerBytes() + " B in " + (sizes.pipelineCommands() * sizes.iterations()) + " commands"));
            rows.add(indexOf(rows, "d.alloc") + 1, Row.info("h", "(h) production checksum (SubsystemHashes)",
                h.microsPerChecksum(), "us", h.stats().describe() + " checksums/s; " + h.actors() + " actors, "
                    + h.windowEntries() + " idempotency entries; held on the handler thread every --checksum-every-ticks"));
            final int atD = indexOf(rows, "d.alloc") + 1;
            rows.add(atD, Row.info("d'", "(d') handler alone, mix without travel", d2.stats().median(), "cmd/s",
                d2.stats().describe() + "; " + BenchFormat.small(d2.handlerBytesPerCommand()) + " B/cmd"));
            final JvmProbes.GcWindow allGc = probes.pauses(started, System.nanoTime());
            rows.add(indexOf(rows, "e.recovery") + 1, Row.info("e+v", "(e+v) replay --verify (replay + record + compare)",
                ev.median(), "cmd/s", ev.describe() + "; the (c+o) journal against its recorded outputs: identical"));
            rows.add(Row.info("jvm.gc", "whole bench run: GC pauses (count; longest in note)", allGc.pauses(), "",
                "longest " + allGc.longestMillis() + " ms " + allGc.longest() + ", total " + allGc.totalMillis()
                    + " ms; includes set-up (64 MiB path caches per handler)"));
            rows.add(Row.info("jvm.hwm", "whole bench run: peak RSS (VmHWM)", JvmProbes.procStatusKb("VmHWM") / 1024.0, "MB",
                "the throughput rows map journal files; (g) ran first"));
        }
        finally
        {
            delete(work);
        }
        rows.addAll(compare);
        return new BenchReport(sizes, config, rows, (System.nanoTime() - started) / 1e9);
    }

    private static int indexOf(final List<Row> rows, final String id)
    {
        for (int i = 0; i < rows.size(); i++)
        {
            if (rows.get(i).id().equals(id))
            {
                return i;
            }
        }
        return rows.size() - 1;
    }

    private Throughput.Result pipeline(final CommandMix mix, final PipelineConfig cfg, final Path work) throws Exception
    {
        final Path dir = work.resolve("pipeline-" + key(cfg));
        try
        {
            return Throughput.pipeline(mix, cfg, dir, sizes.pipelineCommands(), sizes.warmups(), sizes.iterations());
        }
        finally
        {
            delete(dir);
        }
    }

    private void rows(final List<Row> rows, final Stats a, final Stats b, final Stats b2, final Stats b3,
        final Throughput.Result c,
        final Throughput.Result d, final Throughput.Result e, final PathBench.Result f, final WorkloadBench.Result g,
        final CommandMix mix, final long journalSize)
    {
        final String cfg = name(config);
        rows.add(Row.info("a", "(a) Disruptor 1P-1C hand-off (" + cfg + ")", a.median(), "events/s",
            a.describe() + "; multi-producer sequencer and copy translator as in Pipeline, no-op consumer"));
        rows.add(Row.info("b", "(b) Chronicle Queue append, pre-encoded bytes", b.median(), "entries/s",
            b.describe() + "; JournalCodec bytes of the mix, mean " + BenchFormat.number(mix.meanEncodedBytes()) + " B/entry"));
        rows.add(Row.info("b2", "(b2) ChronicleJournal.append (encode+append)", b2.median(), "cmd/s",
            b2.describe() + "; one thread, what the journaller stage does"));
        rows.add(Row.info("b3", "(b3) ChronicleJournal.append, --sync", b3.median(), "cmd/s",
            b3.describe() + "; msync(MS_SYNC) per append: an acknowledged command survives power loss"));
        final double cRate = c.stats().median();
        rows.add(Row.atLeast("c", "(c) pipeline, journal on (" + cfg + ")", cRate, "cmd/s", BUDGET_THROUGHPUT, ">= 2M cmd/s",
            c.stats().describe() + "; publisher -> journaller -> handler, mix: " + mix.describe()));
        rows.add(Row.atLeast("c/b", "(c)/(b) pipeline vs bare queue append", cRate / b.median(), "", BUDGET_RATIO_TO_QUEUE,
            ">= 0.5", ""));
        rows.add(Row.info("c/a", "(c)/(a) pipeline vs bare hand-off", cRate / a.median(), "", ""));
        rows.add(Row.atMost("c.alloc", "(c) handler thread allocation", c.handlerBytesPerCommand(), "B/cmd", 0, "0 B/cmd",
            c.handlerBytes() + " B in " + (sizes.pipelineCommands() * sizes.iterations()) + " commands; all stage threads: "
                + BenchFormat.small(c.stageBytesPerCommand()) + " B/cmd"));
        rows.add(Row.info("d", "(d) handler alone, GameHandler.apply", d.stats().median(), "cmd/s",
            d.stats().describe() + "; same mix, no ring, no journal"));
        rows.add(Row.atMost("d.alloc", "(d) handler alone, allocation", d.handlerBytesPerCommand(), "B/cmd", 0, "0 B/cmd",
            d.handlerBytes() + " B in " + (sizes.handlerCommands() * sizes.iterations()) + " commands (getCurrentThreadAllocatedBytes)"));
        final double replayRate = e.stats().median();
        rows.add(Row.atLeast("e", "(e) replay from disk (Replayer)", replayRate, "cmd/s", BUDGET_REPLAY, ">= 3M cmd/s",
            e.stats().describe() + "; journal of " + journalSize + " commands written in this run; fresh handler and path cache"));
        final double recovery = RECOVERY_COMMANDS / replayRate;
        rows.add(Row.atMost("e.recovery", "(e) recovery of 10M commands, DERIVED", recovery, "s", BUDGET_RECOVERY_SECONDS,
            "<= 5 s", "derived: 10M / replay rate, not measured on a 10M journal; no snapshots yet"));
        rows.add(Row.info("f.cold", "(f) A* cold (fresh cache), 7 real maps", f.coldMeanMicros(), "us/search",
            f.queries() + " random passable pairs per map; mean"));
        rows.add(Row.info("f.cold.scenario", "(f) A* cold, the 4 scenario maps", f.coldScenarioMapsMeanMicros(), "us/search",
            "arena, den312d, lak303d, arena2"));
        rows.add(Row.info("f.cached", "(f) path cache hit", f.cachedMeanNanos() / 1e3, "us/lookup", "same pairs again"));
        for (final PathBench.MapResult m : f.maps())
        {
            rows.add(Row.info("f.cold." + m.map(), "    cold " + m.map() + " " + m.width() + "x" + m.height(), m.coldMeanMicros(),
                "us/search", String.format(Locale.ROOT, "p99 %s us, max %s us, %s nodes expanded/search",
                    BenchFormat.number(m.coldP99Micros()), BenchFormat.number(m.coldMaxMicros()), BenchFormat.number(m.meanExpanded()))));
        }
        final String gNote = String.format(Locale.ROOT, "%d actors, %d cmd measured over %d s at %s cmd/s offered, %s",
            g.actors(), g.measuredCommands(), g.measuredSeconds(), BenchFormat.number(g.offeredPerSecond()), name(g.config()));
        rows.add(Row.info("g.p50", "(g) scenario latency p50", g.p50Micros(), "us", gNote));
        rows.add(Row.atMost("g.p99", "(g) scenario latency p99", g.p99Micros(), "us", BUDGET_P99_MICROS, "<= 50 us",
            "intended send -> outcome (coordinated omission corrected)"));
        rows.add(Row.atMost("g.p999", "(g) scenario latency p99.9", g.p999Micros(), "us", BUDGET_P999_MICROS, "<= 500 us", ""));
        rows.add(Row.info("g.max", "(g) scenario latency max", g.maxMicros(), "us", ""));
        rows.add(Row.atMost("g.alloc", "(g) handler thread allocation", g.bytesPerCommand(), "B/cmd", 0, "0 B/cmd",
            "handler thread's allocated bytes (ThreadMXBean), sampled each tick after warm-up: " + g.allocatedBytes() + " B, "
                + BenchFormat.number(g.bytesPerSecond() / 1e3) + " kB/s"));
        rows.add(Row.info("g.gc.count", "(g) GC pauses during measurement", g.gc().pauses(), "",
            "total " + g.gc().totalMillis() + " ms"));
        rows.add(Row.atMost("g.gc.max", "(g) longest GC pause", g.gc().longestMillis(), "ms", BUDGET_GC_PAUSE_MILLIS,
            "<= 10 ms", g.gc().pauses() == 0 ? "no pause" : g.gc().longest()));
        rows.add(Row.atMost("g.rss", "(g) resident memory (VmRSS at end)", g.rssKb() / 1024.0, "MB", BUDGET_RSS_MB, "<= 300 MB",
            "peak VmHWM " + BenchFormat.number(g.hwmKb() / 1024.0) + " MB; heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max"));
        rows.add(Row.info("g.paths", "(g) path cache hit rate (whole run)", 100 * g.hitRate(), "%",
            g.pathHits() + " hits, " + g.pathMisses() + " misses (A* searches on the handler thread)"));
        rows.add(Row.info("seed", "seed's Rust rewrite, 2,500 actors", Double.NaN, "",
            "RSS 390 MB; p99 hunt-complete 175 ms; allocation 11 kB/s; 0 GC pauses"));
        rows.add(Row.info("seed.hytrix", "Hytrix, same load (g)", Double.NaN, "", String.format(Locale.ROOT,
            "RSS %s MB; p99 command %s us (hunt-complete not measured); handler allocation %s kB/s; %d GC pauses (longest %d ms)",
            BenchFormat.number(g.rssKb() / 1024.0), BenchFormat.number(g.p99Micros()), BenchFormat.number(g.bytesPerSecond() / 1e3),
            g.gc().pauses(), g.gc().longestMillis())));
    }

    static String name(final PipelineConfig cfg)
    {
        return cfg.layout().name().toLowerCase(Locale.ROOT) + "/" + cfg.waitStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String key(final PipelineConfig cfg)
    {
        return name(cfg).replace('/', '.');
    }

    private static boolean sameConfig(final PipelineConfig x, final PipelineConfig y)
    {
        return x.layout() == y.layout() && x.waitStrategy() == y.waitStrategy();
    }

    private void step(final String what)
    {
        if (progress != null)
        {
            progress.printf(Locale.ROOT, "bench [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
        }
    }

    static void delete(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
