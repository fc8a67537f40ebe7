package io.hytrix.cli;

import io.hytrix.service.HttpService;
import io.hytrix.service.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A short, small loadgen run against an in-JVM gateway: it completes, reports, and sees no errors. */
class LoadgenTest
{
    @TempDir
    Path dir;

    @Test
    void aShortRunReportsRateLatencyAndNoErrors()
    {
        try (HttpService gateway = HttpService.start(ServiceSettings.journalingTo(dir.resolve("j"))
            .withNode(node -> node.withJournal(journal -> journal.withMode(io.hytrix.journal.JournalConfig.Mode.FRESH)))
            .withHttp(http -> http.withAddress("127.0.0.1", 0))))
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final int exit = Main.run(new String[] { "loadgen", "--url", gateway.url(), "--actors", "200", "--rate", "2000",
                "--seconds", "2", "--batch", "50" }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            final String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isEqualTo(0);
            assertThat(text).contains("set-up     202 createHunt/joinHunt").contains("rejected: none")
                .containsPattern("sent       [0-9]+ commands in [0-9]+ requests").contains("errors     none")
                .containsPattern("latency    p50=[0-9.]+ms p99=[0-9.]+ms p99.9=[0-9.]+ms max=[0-9.]+ms")
                .containsPattern("loadgen: achieved=[0-9]+/s .* errors=0");
        }
    }

    @Test
    void badArgumentsAreOneLineErrors()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = Main.run(new String[] { "loadgen", "--rate", "10" }, System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("hytrix loadgen: --url is required").doesNotContain("\n");
    }
}
