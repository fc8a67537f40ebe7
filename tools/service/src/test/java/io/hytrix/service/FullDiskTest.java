package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A journal on a file system that fills up: below the free-space watermark the node answers 503
 * JOURNAL_UNAVAILABLE before any append fails, goes read-only (health says why, reads still answer),
 * comes back by itself when space returns, and every command it acknowledged is in the journal exactly
 * once. Needs a real full disk, so
 * it mounts a small tmpfs (CI runs as root; elsewhere the test is skipped).
 */
class FullDiskTest
{
    private static final int BATCH = 4_000;

    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception
    {
        mount = Files.createDirectory(dir.resolve("small-disk"));
        final Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mount.toString())
            .redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception
    {
        new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
    }

    @Test
    void belowTheWatermarkWritesAreRefusedBeforeTheDiskIsFullAndResumeWhenSpaceReturns() throws IOException
    {
        final Path journal = mount.resolve("journal");
        final Path filler = Files.write(mount.resolve("filler"), new byte[6 << 20]);
        final Acks acks = new Acks();
        try (TestServer server = new TestServer(settings(journal, 3L << 20)))
        {
            final TestServer.Answer refusal = fillUntilRefused(server, acks);
            assertThat(refusal.errorCode()).as("refused at the door, before any append failed").isEqualTo("JOURNAL_UNAVAILABLE");
            assertThat(refusal.body()).contains("below the", "watermark");
            assertReadOnly(server, "watermark");

            Files.delete(filler);
            TestServer.await("writes accepted again", 20, () -> acks.record(server.post(joins(acks.nextId(1), 1))).status() == 200);
            assertThat(server.get("/health").status()).isEqualTo(200);
            assertThat(server.get("/metrics").body()).contains("hytrix_journal_up 1");
            assertThat(server.get("/metrics").body()).contains("hytrix_journal_append_failures_total 0");
        }
        acks.assertJournal(journal);
    }

    @Test
    void recordedOutputsThatFailAloneLeaveTheJournalAndAnswersWholeAndAreRepairedOnTheNextStart() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Path outputs = mount.resolve("outputs");
        final Path filler = Files.write(mount.resolve("filler"), new byte[9 << 20]);
        final Acks acks = new Acks();
        final ServiceSettings settings = TestServer.quietSettings(journal).withNode(node -> node
            .with(new OutputSettings(outputs, 10)).withSnapshots(s -> SnapshotSettings.NONE.withOnStop(true)));
        try (TestServer server = new TestServer(settings))
        {
            TestServer.await("the outputs' disk to fill", 60, () -> {
                assertThat(acks.record(server.post(joins(acks.nextId(BATCH), BATCH))).status()).isEqualTo(200);
                return server.get("/health").body().contains("degraded");
            });
            assertThat(server.get("/health").status()).isEqualTo(200);
            assertThat(server.get("/metrics").body()).contains("hytrix_outputs_up 0").contains("hytrix_journal_up 1");
            assertThat(acks.record(server.post(joins(acks.nextId(BATCH), BATCH))).status()).as("writes go on").isEqualTo(200);
        }
        assertThat(acks.refused).isEmpty();
        acks.assertJournal(journal);

        Files.delete(filler);
        try (TestServer again = new TestServer(settings))
        {
            assertThat(again.service.recovery().snapshotIndex()).as("recovery starts where the outputs end, not at the newer snapshot")
                .isLessThan(again.service.recoveredCommands() - 1);
            assertThat(again.get("/health").body()).contains("\"ok\"");
        }
        final VerifyReport report = new OutputVerifier(new ShippedMaps(), Replayer.pathCache(0)).run(journal, outputs, null);
        assertThat(report.identical()).as(String.valueOf(report)).isTrue();
        assertThat(report.unrecordedTail()).isZero();
    }

    private static ServiceSettings settings(final Path journal, final long minFreeBytes)
    {
        return TestServer.quietSettings(journal).withNode(node -> node.with(OutputSettings.OFF)
            .withSnapshots(s -> SnapshotSettings.NONE).withMinFreeDiskBytes(minFreeBytes));
    }

    /** Posts batches until the node refuses one; returns the refusal. */
    private static TestServer.Answer fillUntilRefused(final TestServer server, final Acks acks)
    {
        for (int request = 0; request < 400; request++)
        {
            final TestServer.Answer answer = acks.record(server.post(joins(acks.nextId(BATCH), BATCH)));
            if (answer.status() == 503)
            {
                return answer;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        throw new AssertionError("the disk never filled");
    }

    private static void assertReadOnly(final TestServer server, final String why)
    {
        final TestServer.Answer next = server.post(joins(1_000_000_000L, 10));
        assertThat(next.status()).isEqualTo(503);
        assertThat(next.errorCode()).isEqualTo("JOURNAL_UNAVAILABLE");
        final TestServer.Answer health = server.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.errorCode()).isEqualTo("JOURNAL_UNAVAILABLE");
        assertThat(health.body()).contains(why);
        assertThat(server.get("/v1/state").status()).as("reads still answer").isEqualTo(200);
        assertThat(server.get("/metrics").body()).contains("hytrix_journal_up 0");
    }

    /** Every cmdId answered, by whether it was acknowledged (any outcome but JOURNAL_UNAVAILABLE) or refused. */
    private static final class Acks
    {
        final Set<Long> acknowledged = new HashSet<>();
        final Set<Long> refused = new HashSet<>();
        private long next = 1;

        long nextId(final int count)
        {
            final long first = next;
            next += count;
            return first;
        }

        TestServer.Answer record(final TestServer.Answer answer)
        {
            final JsonNode json = answer.json();
            if (json.isArray())
            {
                for (final JsonNode outcome : json)
                {
                    final long id = outcome.path("cmdId").asLong();
                    (("JOURNAL_UNAVAILABLE".equals(outcome.path("code").asText())) ? refused : acknowledged).add(id);
                }
            }
            return answer;
        }

        void assertJournal(final Path journal)
        {
            final Set<Long> journaled = new HashSet<>();
            try (ChronicleCommandSource source = ChronicleCommandSource.open(journal))
            {
                final CommandEvent cmd = new CommandEvent();
                while (source.next(cmd))
                {
                    assertThat(journaled.add(cmd.cmdId)).as("cmdId " + cmd.cmdId + " journaled once").isTrue();
                }
            }
            assertThat(acknowledged).as("acknowledged commands").isNotEmpty();
            assertThat(journaled).as("every acknowledged command is in the journal").containsAll(acknowledged);
            assertThat(journaled).as("no refused command is in the journal").noneMatch(refused::contains);
        }
    }

    private static String joins(final long firstCmdId, final int count)
    {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            sb.append(i == 0 ? "" : ",").append(TestServer.join(firstCmdId + i, 77, firstCmdId + i));
        }
        return sb.append(']').toString();
    }
}
