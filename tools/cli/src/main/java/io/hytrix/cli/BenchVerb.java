package io.hytrix.cli;

import io.hytrix.bench.BenchSizes;
import io.hytrix.bench.BenchReport;
import io.hytrix.bench.Bench;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code ./hytrix bench}: the performance budgets' benchmarks, one table, optionally JSON; with {@code --jmh}, the
 * JMH micro-benchmarks of the same jar instead (the table is the end-to-end view, JMH the per-call one).
 */
public final class BenchVerb implements Verb
{
    /** Chosen by measurement on the project's 2-core machine; see README "Performance". */
    static final String DEFAULT_LAYOUT = "composed";
    static final String DEFAULT_WAIT = "counted-blocking";

    /** --jmh defaults (see {@link #jmhOptions}): warm-up iterations and seconds, measured iterations and seconds. */
    static final int JMH_WARMUPS = 3;
    static final int JMH_WARMUP_SECONDS = 1;
    static final int JMH_ITERATIONS = 5;
    static final int JMH_SECONDS = 2;

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
        return "measure throughput, latency, allocation, GC and memory against the performance budgets";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix bench [--quick] [--json FILE] [--layout split|composed] [--wait-strategy W]",
            "",
            "Runs every benchmark in this process and prints one table with the performance budgets:",
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
            "usage: ./hytrix bench --jmh [--quick] [--json FILE] [REGEX]",
            "",
            "Runs the JMH micro-benchmarks in this jar whose names match REGEX (default: all): A* cold and",
            "cached (PathSearchJmh), GameHandler.apply on the bench mix (HandlerJmh), command JSON parsing and",
            "outcome JSON writing (GatewayJsonJmh). Defaults suit a 2-core machine: 1 fork, 1 thread,",
            JMH_WARMUPS + " x " + JMH_WARMUP_SECONDS + " s warm-up, " + JMH_ITERATIONS + " x " + JMH_SECONDS
                + " s measured; --quick: 1 x 1 s warm-up, 1 x 1 s measured,",
            "a smoke run whose figures mean little.",
            "--json FILE writes JMH's JSON results. For every other JMH option run JMH's own main:",
            "  java -cp tools/cli/target/hytrix.jar org.openjdk.jmh.Main -h",
            "",
            "Run it with the launcher's JVM flags (./hytrix sets -Xmx256m, G1); JAVA=... picks the JDK.");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws Exception
    {
        final Args args = Args.parse(argv, 1, Set.of("json", "layout", "wait-strategy"), Set.of("quick", "jmh"));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        if (args.flag("jmh"))
        {
            return jmh(args, out);
        }
        args.positionals();
        final PipelineConfig config = PipelineConfig.defaults()
            .withLayout(ThreadLayout.parse(args.string("layout", DEFAULT_LAYOUT)))
            .withWaitStrategy(WaitStrategyName.parse(args.string("wait-strategy", DEFAULT_WAIT)));
        final Path json = jsonFile(args);
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

    /** The --json file, checked to be writable before anything runs, or null. */
    private static Path jsonFile(final Args args)
    {
        final Path json = args.flag("json") ? Path.of(args.string("json", "")) : null;
        if (json != null)
        {
            final Path parent = json.toAbsolutePath().getParent();
            if (Files.isDirectory(json) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))
            {
                throw new UsageException("cannot write --json " + json + ": not a writable file location");
            }
        }
        return json;
    }

    /** {@code --jmh}: the JMH runner over the benchmark list the annotation processor wrote into the jar. */
    private static int jmh(final Args args, final PrintStream out)
    {
        if (args.flag("layout") || args.flag("wait-strategy"))
        {
            throw new UsageException("--layout and --wait-strategy choose the table's pipeline; the JMH benchmarks have none");
        }
        final List<String> regex = args.positionalsAtMostOne("REGEX");
        final Options options = jmhOptions(args.flag("quick"), regex.isEmpty() ? null : regex.get(0), jsonFile(args));
        final Collection<RunResult> results;
        try
        {
            results = new Runner(options, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
        }
        catch (final NoBenchmarksException ex)
        {
            throw new UsageException(regex.isEmpty() ? "no JMH benchmark list in the jar (META-INF/BenchmarkList)"
                : "no JMH benchmark matches " + regex.get(0));
        }
        catch (final RunnerException ex)
        {
            throw new IllegalStateException("JMH: " + ex.getMessage(), ex);
        }
        return results.isEmpty() ? 1 : 0;
    }

    /**
     * Short defaults for a shared 2-core machine: one fork (forks run one after another anyway, and
     * each costs a JVM start), one thread (the handler is single-threaded; a second would share a core
     * with the first), a few one- and two-second iterations.
     *
     * @param regex benchmarks to run, or null for all
     * @param json  where JMH writes its JSON results, or null
     */
    static Options jmhOptions(final boolean quick, final String regex, final Path json)
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .forks(1)
            .threads(1)
            .warmupIterations(quick ? 1 : JMH_WARMUPS)
            .warmupTime(TimeValue.seconds(quick ? 1 : JMH_WARMUP_SECONDS))
            .measurementIterations(quick ? 1 : JMH_ITERATIONS)
            .measurementTime(TimeValue.seconds(quick ? 1 : JMH_SECONDS))
            .shouldFailOnError(true);
        if (regex != null)
        {
            options.include(regex);
        }
        if (json != null)
        {
            options.result(json.toString()).resultFormat(ResultFormatType.JSON);
        }
        return options.build();
    }
}
