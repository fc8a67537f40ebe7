package io.hytrix.bench;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.service.GatewayJsonJmh;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMH annotation processor ran: its benchmark list and compiler hints are on the class path
 * (the fat jar merges them) and name every benchmark. Each benchmark method is also called once,
 * untimed, so that a broken set-up (a map renamed, a body the parser refuses) fails here and not
 * half-way through a JMH run.
 */
class BenchmarkListTest
{
    /** Benchmark class and method pairs the list must name. */
    private static final List<String> BENCHMARKS = List.of("io.hytrix.bench.PathSearchJmh cold", "io.hytrix.bench.PathSearchJmh cached",
        "io.hytrix.bench.HandlerJmh apply", "io.hytrix.service.GatewayJsonJmh parseCommand",
        "io.hytrix.service.GatewayJsonJmh writeOutcome");

    @Test
    void theBenchmarkListAndCompilerHintsAreGeneratedAndNameEveryBenchmark() throws IOException
    {
        final String list = resource("META-INF/BenchmarkList");
        for (final String benchmark : BENCHMARKS)
        {
            final String[] classAndMethod = benchmark.split(" ");
            assertThat(list).as(benchmark).containsPattern("JMH S \\d+ " + classAndMethod[0].replace(".", "\\.")
                + " S \\d+ \\S+_" + classAndMethod[1] + "_jmhTest S \\d+ " + classAndMethod[1] + " ");
        }
        assertThat(list.lines().filter(l -> !l.isBlank())).hasSize(BENCHMARKS.size());
        assertThat(resource("META-INF/CompilerHints")).contains("io/hytrix/bench/HandlerJmh.apply",
            "io/hytrix/service/GatewayJsonJmh.parseCommand");
    }

    @Test
    void everyBenchmarkRunsOnceOnItsOwnSetUp() throws Exception
    {
        final PathSearchJmh paths = new PathSearchJmh();
        paths.map = "den312d";
        paths.setUp();
        assertThat(paths.cold()).isPositive();
        assertThat(paths.cached()).isNotNegative();

        final HandlerJmh handler = new HandlerJmh();
        handler.setUp();
        for (int i = 0; i < 1000; i++)
        {
            handler.apply();
        }

        final GatewayJsonJmh json = new GatewayJsonJmh();
        json.setUp();
        json.parseCommand();
        final CommandEvent parsed = json.parseCommand(); // the body is read again, not consumed
        assertThat(parsed.type).isEqualTo(CommandType.TRAVEL);
        assertThat(parsed.cmdId).isEqualTo(7);
        assertThat(json.writeOutcome().toString(StandardCharsets.US_ASCII)).startsWith("{\"cmdId\":7,\"outcome\":\"accepted\"")
            .contains("\"journalIndex\":1234567").endsWith("\"events\":[]}");
    }

    private static String resource(final String name) throws IOException
    {
        try (InputStream in = BenchmarkListTest.class.getClassLoader().getResourceAsStream(name))
        {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
