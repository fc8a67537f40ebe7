package io.hytrix.cli;

import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;
import io.hytrix.bench.workload.OutcomeRecorder;
import io.hytrix.bench.workload.WorkloadResult;
import io.hytrix.bench.workload.WorkloadRun;
import io.hytrix.bench.workload.WorkloadSettings;
import io.hytrix.service.OutputSettings;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix demo}: the seed's scenario in-process, journaled, then a summary and how to replay it. */
final class DemoVerb implements Verb
{
    /** The demo reports latency for the whole run and again without its first seconds. */
    private static final int WARMUP_SECONDS = 3;
    /** Hunts small and short enough that a 10 s demo sees some end (by time) and a 30 s one sees them won. */
    static final int ACTORS_PER_HUNT = 100;
    static final int HUNT_TICKS = 90;
    static final int TREASURES_PER_HUNT = 4;

    @Override
    public String name()
    {
        return "demo";
    }

    @Override
    public String summary()
    {
        return "run hunts with simulated players for a while, journaled, and print a summary";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix demo [--seconds N] [--actors N] [--seed S] [--journal DIR] [--append]",
            "                     [--actions-per-second N] [--wait-strategy W] [--layout L] [--ring-size N]",
            "                     [--outputs DIR | --no-outputs] [--checksum-every-ticks N]",
            "",
            "Creates hunts of " + ACTORS_PER_HUNT + " players and " + TREASURES_PER_HUNT + " treasures on the shipped maps ("
                + String.join(", ", WorkloadRun.MAPS) + "),",
            "lets N simulated players hunt (explore, dig, follow COMPASS reveals; a completed hunt is replaced",
            "by a new one with new players) with a 10 Hz tick for N seconds, journals every command, then prints",
            "commands, hunts and winners, rejections, latency and path-cache figures, and as its last two lines",
            "how to replay the journal and the state hash the replay must reproduce.",
            "",
            "  --seconds N              how long to run (default 10)",
            "  --actors N               players (default 2500); a hunt lasts at most " + HUNT_TICKS + " ticks, then is re-created",
            "  --seed S                 the players' seed (default 1): same seed, same command sequence",
            "  --journal DIR            journal directory (default ./data/journal), emptied first",
            "  --append                 keep the journal's existing entries and append after them",
            "  --actions-per-second N   command slots per player per second offered (default 4)",
            "  --wait-strategy W        counted-blocking (default), blocking, lite-blocking (experimental), sleeping,",
            "                           yielding, busy-spin",
            "  --layout L               composed (journal then apply on one thread, default) or split (the LMAX",
            "                           layout: journaller and handler threads, for machines with spare cores)",
            "  --ring-size N            ring slots, a power of two (default 65536)",
            String.join("\n", OutputOptions.USAGE),
            "                           (with --append no outputs are recorded: the run starts from empty state)");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1,
            OutputOptions.with(OutputOptions.VALUED,
                Set.of("seconds", "actors", "seed", "journal", "actions-per-second", "wait-strategy", "layout", "ring-size")),
            OutputOptions.with(OutputOptions.FLAGS, Set.of("append")));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        args.positionals();
        final String journal = args.string("journal", "data/journal");
        final int ringSize = args.intValue("ring-size", 1 << 16, 1, 1 << 24);
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new UsageException("--ring-size must be a power of two, got " + ringSize);
        }
        final PipelineConfig pipeline = PipelineConfig.defaults()
            .withRingSize(ringSize)
            .withWaitStrategy(WaitStrategyName.parse(args.string("wait-strategy", "counted-blocking")))
            .withLayout(ThreadLayout.parse(args.string("layout", "composed")));
        final WorkloadSettings settings = new WorkloadSettings(
            args.intValue("actors", 2500, 1, 60_000),
            args.intValue("seconds", 10, 1, 86_400),
            args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
            10,
            args.intValue("actions-per-second", 4, 0, 1000),
            ACTORS_PER_HUNT,
            HUNT_TICKS,
            TREASURES_PER_HUNT,
            Path.of(journal),
            args.flag("append"),
            pipeline,
            args.flag("append") ? OutputSettings.OFF : OutputOptions.parse(args, Path.of(journal)));

        out.printf("hytrix demo: %d actors, %d s at %d ticks/s, %d actions/actor/s, seed %d, journal %s, %s%n",
            settings.actors(), settings.seconds(), settings.tickHz(), settings.actionsPerActorPerSecond(),
            settings.seed(), journal, settings.outputs().describe());
        final int warmupTicks = Math.min(WARMUP_SECONDS, settings.seconds() - 1) * settings.tickHz();
        final WorkloadResult result = WorkloadRun.run(settings, new OutcomeRecorder(warmupTicks, false));
        print(result, out);
        out.println("replay with: ./hytrix replay " + journal + (settings.outputs().enabled()
            ? " --verify" + (settings.outputs().directory().equals(OutputSettings.besideJournal(Path.of(journal)).directory()) ? ""
                : " --outputs " + settings.outputs().directory()) : ""));
        out.println(result.lastLine());
        return 0;
    }

    private static void print(final WorkloadResult r, final PrintStream out)
    {
        final Histogram whole = r.outcomes().wholeRunLatency();
        final Histogram h = r.outcomes().latency();
        out.printf("commands   %d (accepted %d, rejected %d: %s)%n", r.commands(), r.outcomes().count(ResultCode.ACCEPTED),
            r.commands() - r.outcomes().count(ResultCode.ACCEPTED), r.outcomes().rejectionSummary());
        out.printf("events     %d%n", r.events());
        final OutcomeRecorder o = r.outcomes();
        out.printf("hunts      completed=%d (TREASURES=%d TIME=%d ABORTED=%d) treasures-found=%d/%d%n", o.huntsCompleted(),
            o.huntsCompleted(CompletionReason.TREASURES), o.huntsCompleted(CompletionReason.TIME),
            o.huntsCompleted(CompletionReason.ABORTED), o.treasuresFound(), o.treasuresPlaced());
        out.printf("winners    best-score=%d median-winning-score=%d%n", o.bestScore(), o.medianWinningScore());
        out.printf("rejected   %d of %d (%.1f%%) %s%n", o.rejected(), r.commands(),
            r.commands() == 0 ? 0.0 : 100.0 * o.rejected() / r.commands(), o.rejectionSummary());
        out.printf("rate       %.0f commands/s over %.1f s (slots offered %d/s, filled by players with something to do)%n",
            r.commandsPerSecond(), r.elapsedNanos() / 1e9, r.settings().commandsPerWindow() * r.settings().tickHz());
        out.printf("latency    p50=%s p99=%s p99.9=%s max=%s (intended send -> outcome, in-process, whole run)%n",
            micros(whole.getValueAtPercentile(50)), micros(whole.getValueAtPercentile(99)),
            micros(whole.getValueAtPercentile(99.9)), micros(whole.getMaxValue()));
        if (h.getTotalCount() > 0 && h.getTotalCount() < whole.getTotalCount())
        {
            out.printf("           p50=%s p99=%s p99.9=%s max=%s (after a %d s warm-up: JIT, first path searches)%n",
                micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
                micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()), Math.min(WARMUP_SECONDS, r.settings().seconds() - 1));
        }
        final Histogram hc = o.huntCompleteLatency();
        out.printf("hunt-complete p50=%s p99=%s (%d commands that completed a hunt, intended send -> outcome)%n",
            micros(hc.getValueAtPercentile(50)), micros(hc.getValueAtPercentile(99)), hc.getTotalCount());
        out.printf("path cache hits=%d misses=%d evictions=%d hit rate=%.1f%%%n", r.pathHits(), r.pathMisses(),
            r.pathEvictions(), r.pathHitRate());
        long gcCount = 0;
        long gcMillis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        out.printf("jvm        %d GC collections, %d ms in GC, heap used %d MiB%n", gcCount, gcMillis,
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    static String micros(final long nanos)
    {
        return nanos < 10_000 ? String.format("%.1fus", nanos / 1e3)
            : nanos < 10_000_000 ? String.format("%.0fus", nanos / 1e3) : String.format("%.1fms", nanos / 1e6);
    }
}
