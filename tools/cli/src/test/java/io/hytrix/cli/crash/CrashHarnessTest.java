package io.hytrix.cli.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI-sized crash harness: 20 {@code kill -9}s of a loaded {@code serve} (change with
 * {@code -Dhytrix.crash.kills=N}, {@code -Dhytrix.crash.secondsPerRun=S}, {@code -Dhytrix.crash.seed=X};
 * {@code -Dhytrix.crash.work=DIR} keeps the journal and the logs). The log is printed to this test's
 * output and to {@code target/crash-harness.log}.
 */
class CrashHarnessTest
{
    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedCommandSurvivesKillsAndNothingIsAppliedTwice() throws IOException, InterruptedException
    {
        final int kills = Integer.getInteger("hytrix.crash.kills", 20);
        final double seconds = Double.parseDouble(System.getProperty("hytrix.crash.secondsPerRun", "1.0"));
        final long seed = Long.getLong("hytrix.crash.seed", System.nanoTime());
        final String workDir = System.getProperty("hytrix.crash.work");
        final Path work = workDir == null || workDir.isBlank() ? tmp : Path.of(workDir);
        final Path logFile = Path.of("target", "crash-harness.log");
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        try (OutputStream file = new FileOutputStream(logFile.toFile());
             PrintStream log = new PrintStream(new Tee(file, System.out), true, StandardCharsets.UTF_8))
        {
            final CrashHarness.Result result = CrashHarness.run(new CrashHarness.Settings(kills, seconds, seed, work, log));
            assertThat(result.failures()).as(result.summary()).isEmpty();
            assertThat(result.acknowledged()).as("commands acknowledged").isPositive();
            assertThat(result.resentRequests()).as("requests resent (idempotency exercised)").isPositive();
            assertThat(result.duplicatesApplied()).as("resends answered as duplicates").isPositive();
        }
    }

    private static final class Tee extends OutputStream
    {
        private final OutputStream a;
        private final OutputStream b;

        Tee(final OutputStream a, final OutputStream b)
        {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(final int c) throws IOException
        {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(final byte[] bytes, final int off, final int len) throws IOException
        {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException
        {
            a.flush();
            b.flush();
        }
    }
}
