package io.hytrix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hytrix.bench.BenchFormat;
import io.hytrix.bench.BenchSizes;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row is produced with sane values at a tiny scale, and --json is parseable. No timing assertions. */
class BenchVerbTest
{
    /** Rows that must be there with a positive, finite figure. */
    private static final List<String> POSITIVE = List.of("a", "b", "b2", "c", "c/b", "c/a", "c'", "d", "d'", "e", "e.recovery",
        "f.cold", "f.cold.scenario", "f.cached", "f.cold.arena2", "g.p50", "g.p99", "g.p999", "g.max", "g.rss",
        "jvm.hwm");
    /** Rows that must be there with a figure of zero or more. */
    private static final List<String> NON_NEGATIVE = List.of("c.alloc", "d.alloc", "g.alloc", "g.gc.count", "g.gc.max",
        "g.paths", "jvm.gc");

    @TempDir
    Path dir;

    @Test
    void tinyRunPrintsEveryRowAndWritesTheSameFiguresAsJson() throws Exception
    {
        final Path json = dir.resolve("bench.json");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit = new BenchVerb(BenchSizes.TINY).run(new String[] { "bench", "--quick", "--json", json.toString() },
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(out).contains("(a) Disruptor", "(b) Chronicle Queue", "(c) pipeline, journal on", "(c)/(b)", "(c)/(a)",
            "(d) handler alone", "(e) replay from disk", "(e) recovery of 10M commands, DERIVED", "(f) A* cold",
            "(f) path cache hit", "(g) scenario latency p99.9", "(g) handler thread allocation", "(g) longest GC pause",
            "(g) resident memory", "seed's Rust rewrite", "(c) pipeline, split/", "(g) scenario p99, split/",
            "budgets: ", "json written to " + json);

        final JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("cores").asInt()).isPositive();
        assertThat(root.get("layout").asText()).isEqualTo("composed");
        final Map<String, JsonNode> rows = new HashMap<>();
        root.get("rows").forEach(row -> rows.put(row.get("id").asText(), row));
        for (final String id : POSITIVE)
        {
            assertThat(rows).as("row " + id).containsKey(id);
            final JsonNode value = rows.get(id).get("value");
            assertThat(value.isNumber()).as(id + " is a number: " + value).isTrue();
            assertThat(value.asDouble()).as(id).isPositive().isFinite();
        }
        for (final String id : NON_NEGATIVE)
        {
            assertThat(rows).as("row " + id).containsKey(id);
            assertThat(rows.get(id).get("value").asDouble()).as(id).isGreaterThanOrEqualTo(0);
        }
        // Budgeted rows carry a verdict; the table's figures are the JSON's.
        assertThat(rows.get("g.p99").get("budget").asText()).isEqualTo("<= 50 us");
        assertThat(rows.get("g.p99").get("verdict").asText()).matches("met|MISSED by .*");
        assertThat(rows.get("c/b").get("met").isBoolean()).isTrue();
        assertThat(out).contains(BenchFormat.number(rows.get("g.p99").get("value").asDouble()));
        // The seed's figures come from the bench's resource, each with its source.
        assertThat(rows.get("seed").get("note").asText()).isEqualTo("RSS 390 MB; p99 hunt-complete 175 ms; allocation 11 kB/s; 0 GC pauses");
        final JsonNode reference = root.get("reference");
        assertThat(reference.get("actors").asInt()).isEqualTo(2500);
        assertThat(reference.get("figures")).hasSize(4);
        reference.get("figures").forEach(f -> assertThat(f.get("source").asText()).contains("a Go to Rust rewrite"));
    }

    @Test
    void jmhOptionsAreShortDefaultsForTwoCores()
    {
        final Options full = BenchVerb.jmhOptions(false, null, null);
        assertThat(full.getForkCount().get()).isEqualTo(1);
        assertThat(full.getThreads().get()).isEqualTo(1);
        assertThat(full.getWarmupIterations().get()).isEqualTo(BenchVerb.JMH_WARMUPS);
        assertThat(full.getMeasurementIterations().get()).isEqualTo(BenchVerb.JMH_ITERATIONS);
        assertThat(full.getIncludes()).isEmpty();
        assertThat(full.getResult().hasValue()).isFalse();

        final Options quick = BenchVerb.jmhOptions(true, "PathSearchJmh.cached", dir.resolve("jmh.json"));
        assertThat(quick.getWarmupIterations().get()).isEqualTo(1);
        assertThat(quick.getMeasurementIterations().get()).isEqualTo(1);
        assertThat(quick.getMeasurementTime().get()).isEqualTo(TimeValue.seconds(1));
        assertThat(quick.getIncludes()).containsExactly("PathSearchJmh.cached");
        assertThat(quick.getResult().get()).isEqualTo(dir.resolve("jmh.json").toString());
        assertThat(quick.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
    }

    @Test
    void jmhRefusesTableOptionsAndRegexesThatMatchNothingWithoutRunningAnything()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (final String[] bad : List.of(new String[] { "bench", "--jmh", "--layout", "split" },
            new String[] { "bench", "--jmh", "Path", "Handler" }, new String[] { "bench", "--jmh", "NoSuchBenchmarkAnywhere" }))
        {
            err.reset();
            final int exit = Main.run(bad, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("hytrix bench: ").doesNotContain("\n");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no JMH benchmark matches NoSuchBenchmarkAnywhere");
    }

    @Test
    void helpAndBadArgumentsFollowTheCliConventions()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] { "bench", "--help" }, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: ./hytrix bench", "--quick", "--json FILE",
            "usage: ./hytrix bench --jmh", "org.openjdk.jmh.Main");

        for (final String[] bad : List.of(new String[] { "bench", "--layout", "diagonal" },
            new String[] { "bench", "--wait-strategy", "napping" }, new String[] { "bench", "--json" },
            new String[] { "bench", "--json", dir.resolve("missing/dir/x.json").toString() },
            new String[] { "bench", "extra" }))
        {
            err.reset();
            final int exit = Main.run(bad, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("hytrix bench: ").doesNotContain("\n");
        }
    }
}
