package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault harness, one round in every build ({@code scripts/fault-harness.sh --rounds N} for more):
 * nothing acknowledged is lost, nothing refused is applied, every journal replays to the state the
 * node reported. Needs root for its tmpfs file systems (as CI has); skipped elsewhere.
 */
class FaultHarnessTest
{
    @TempDir
    Path work;

    @Test
    void everyScenarioLosesNothingAcknowledgedAndAppliesNothingUnjournaled() throws Exception
    {
        final SmallDisk probe = SmallDisk.mount(work, 1);
        assumeTrue(probe != null, "cannot mount a tmpfs here (needs root)");
        probe.close();
        final Path logFile = Path.of("target", "fault-harness.log");
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(logFile);
        final FaultHarness harness = new FaultHarness(work, line -> append(logFile, line));
        final List<FaultHarness.Result> results = harness.run(Integer.getInteger("hytrix.fault.rounds", 1));
        append(logFile, harness.summary());

        assertThat(results).hasSize(5 * Integer.getInteger("hytrix.fault.rounds", 1));
        for (final FaultHarness.Result result : results)
        {
            assertThat(result.acknowledged()).as(result.scenario()).isPositive();
            assertThat(result.lost()).as(result.toString()).isZero();
            assertThat(result.appliedUnjournaled()).as(result.toString()).isZero();
            assertThat(result.unreadable()).as(result.toString()).isZero();
            assertThat(result.refusedButJournaled()).as(result.toString()).isZero();
            assertThat(result.note()).as(result.toString()).isEmpty();
        }
        assertThat(harness.summary()).matches("fault-harness: scenarios=\\d+ acknowledged=\\d+ lost=0 applied-unjournaled=0 unreadable-journals=0");
    }

    private static void append(final Path file, final String line)
    {
        try
        {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
