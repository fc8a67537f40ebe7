package io.hytrix.cli;

import io.hytrix.bench.BenchSizes;
import io.hytrix.bench.BenchReport;
import io.hytrix.bench.Bench;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix bench}: the SPEC §5 benchmarks, one table, optionally JSON. */
public final class BenchVerb implements Verb
{
    /** Chosen by measurement on the project's 2-core machine; see README "Performance". */
    static final String DEFAULT_LAYOUT = "composed";
    static final String DEFAULT_WAIT = "counted-blocking";

    private final BenchSizes override;

    public BenchVerb()
    {
        this(null);
    }

    /** @param override sizes to use whatever the flags say (tests use {@link BenchSizes#TINY}) */
    BenchVerb(final BenchSizes override)
    {
        this.override = override;
    }

    @Override
    public String name()
    {
        return "bench";
    }

    @Override
    public String summary()
    {
        return "measure throughput, latency, allocation, GC and memory against the SPEC budgets";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix bench [--quick] [--json FILE] [--layout split|composed] [--wait-strategy W]",
            "",
            "Runs every benchmark in this process and prints one table with the SPEC section 5 budgets:",
            "  (a) Disruptor hand-off   (b) Chronicle Queue append of journal bytes   (c) full pipeline, journal on",
            "  (d) handler alone        (e) replay from disk                          (f) A* cold and cached",
            "  (g) the seed's scenario (2,500 actors, 10 ticks/s, 4 commands/actor/s): latency corrected for",
            "      coordinated omission, handler allocation per command, GC pauses, resident memory;",
            "then (c) and (g) again for the other thread layout (and wait strategies, full run only).",
            "Throughput rows are the median of several measured iterations after warm-up.",
            "",
            "  --quick              smaller counts, under 60 s; every row is still printed",
            "  --json FILE          also write the figures as JSON to FILE",
            "  --layout L           split or composed (default " + DEFAULT_LAYOUT + ")",
            "  --wait-strategy W    counted-blocking, blocking, lite-blocking, sleeping, yielding, busy-spin (default " + DEFAULT_WAIT + ";",
            "                       busy-spin starves a 2-core machine)",
            "",
            "Run it with the launcher's JVM flags (./hytrix sets -Xmx256m, G1); JAVA=... picks the JDK.");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws Exception
    {
        final Args args = Args.parse(argv, 1, Set.of("json", "layout", "wait-strategy"), Set.of("quick"));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        args.positionals();
        final PipelineConfig config = PipelineConfig.defaults()
            .withLayout(ThreadLayout.parse(args.string("layout", DEFAULT_LAYOUT)))
            .withWaitStrategy(WaitStrategyName.parse(args.string("wait-strategy", DEFAULT_WAIT)));
        final Path json = args.flag("json") ? Path.of(args.string("json", "")) : null;
        if (json != null)
        {
            final Path parent = json.toAbsolutePath().getParent();
            if (Files.isDirectory(json) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))
            {
                throw new UsageException("cannot write --json " + json + ": not a writable file location");
            }
        }
        final BenchSizes sizes = override != null ? override : args.flag("quick") ? BenchSizes.QUICK : BenchSizes.FULL;
        final BenchReport report = new Bench(sizes, config, System.err).run();
        out.println(report.table());
        if (json != null)
        {
            try
            {
                Files.writeString(json, report.json(), StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write " + json + ": " + ex.getMessage(), ex);
            }
            out.println("json written to " + json);
        }
        return 0;
    }
}
