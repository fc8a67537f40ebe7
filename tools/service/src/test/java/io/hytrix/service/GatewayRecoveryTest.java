package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.util.Hash64;
import io.hytrix.journal.Journals;
import io.hytrix.journal.JournalMaintenance;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.journal.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recovery on start from snapshots and the journal tail, snapshots on demand and periodic, and a corrupt journal. */
class GatewayRecoveryTest
{
    @TempDir
    Path dir;

    /** No clock and no snapshots unless a test asks for them. */
    private static ServiceSettings quiet(final Path journal)
    {
        return TestServer.quietSettings(journal).withNode(node -> node.withSnapshots(s -> SnapshotSettings.NONE));
    }

    private static ServiceSettings snapshots(final ServiceSettings settings, final UnaryOperator<SnapshotSettings> change)
    {
        return settings.withNode(node -> node.withSnapshots(change));
    }

    private static ReplayResult replay(final Path journal)
    {
        return new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null);
    }

    private static void play(final TestServer server, final long firstCmdId, final int actors)
    {
        final StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < actors; i++)
        {
            batch.append(i == 0 ? "" : ",").append(TestServer.join(firstCmdId + 2L * i, 1, 100 + firstCmdId + i));
            batch.append(",{\"type\":\"travel\",\"cmdId\":").append(firstCmdId + 2L * i + 1).append(",\"actorId\":")
                .append(100 + firstCmdId + i).append(",\"x\":3,\"y\":3}");
        }
        assertThat(server.post(batch.append(']').toString()).status()).isEqualTo(200);
    }

    @Test
    void startsFromTheNewestSnapshotAndTheJournalTailWithTheHashReplayGives() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long snapshotIndex;
        try (TestServer server = new TestServer(quiet(journal)))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            play(server, 10, 5);
            final TestServer.Answer snap = server.send(server.request("/v1/admin/snapshot").POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(snap.status()).as(snap.body()).isEqualTo(200);
            final JsonNode body = snap.json();
            snapshotIndex = body.path("journalIndex").asLong();
            assertThat(snapshotIndex).isEqualTo(10); // createHunt + 5 x (join, travel)
            assertThat(body.path("bytes").asLong()).isPositive();
            assertThat(body.path("stallMicros").asLong()).isNotNegative();
            final Path file = Path.of(body.path("file").asText());
            TestServer.await("the snapshot file to be written", 20, () -> Files.exists(file));
            TestServer.await("the metrics to show it", 20, () -> server.get("/metrics").body()
                .contains("hytrix_snapshot_last_journal_index " + snapshotIndex));
            assertThat(file.getParent()).isEqualTo(journal.toAbsolutePath().resolveSibling("journal.snapshots"));
            play(server, 100, 3);
        }
        final ReplayResult whole = replay(journal);
        try (TestServer again = TestServer.quiet(journal))
        {
            assertThat(again.service.recovery().snapshotIndex()).isEqualTo(snapshotIndex);
            assertThat(again.service.recovery().replayed()).isEqualTo(6);
            assertThat(again.service.recoveredCommands()).isEqualTo(whole.commands());
            assertThat(again.get("/v1/state").json().path("stateHash").asText()).isEqualTo(Hash64.hex(whole.stateHash()));
            // The idempotency window came back with the snapshot: a retry of a command before it is a duplicate.
            assertThat(again.post(TestServer.join(10, 1, 110)).json().path("duplicate").asBoolean()).isTrue();
        }
    }

    @Test
    void anOrderlyStopSnapshotsTheFinalStateSoTheNextStartReplaysNothing()
    {
        final Path journal = dir.resolve("journal");
        final ShutdownSummary stopped;
        try (TestServer server = new TestServer(snapshots(quiet(journal), p -> p.withOnStop(true))))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            play(server, 10, 4);
            stopped = server.service.stop();
        }
        assertThat(files(dir.resolve("journal.snapshots"))).hasSize(1);
        try (TestServer again = TestServer.quiet(journal))
        {
            assertThat(again.service.recovery().snapshotIndex()).isEqualTo(8);
            assertThat(again.service.recovery().replayed()).isZero();
            assertThat(again.get("/v1/state").json().path("stateHash").asText()).isEqualTo(Hash64.hex(stopped.stateHash()));
        }
    }

    @Test
    void aSnapshotThatCannotBeWrittenMakesTheNodeDegradedNotDown() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Path snapshots = dir.resolve("snaps");
        try (TestServer server = new TestServer(snapshots(quiet(journal), p -> p.withDirectory(snapshots))))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            if (Files.isDirectory(snapshots))
            {
                Files.delete(snapshots);
            }
            Files.writeString(snapshots, "not a directory");
            assertThat(server.send(server.request("/v1/admin/snapshot").POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);
            TestServer.await("the failed write to show", 20, () -> server.get("/health").body().contains("degraded"));
            final TestServer.Answer health = server.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("reason").asText()).contains("could not be written to " + snapshots);
            assertThat(server.get("/metrics").body()).contains("hytrix_snapshot_failures_total 1");
            assertThat(server.post(TestServer.join(2, 1, 10)).status()).as("writes go on").isEqualTo(200);
        }
    }

    @Test
    void aSnapshotOnStopThatCannotBeWrittenLeavesTheStopAndTheJournalWhole() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Path snapshots = dir.resolve("snaps");
        final ShutdownSummary stopped;
        try (TestServer server = new TestServer(snapshots(quiet(journal), p -> p.withDirectory(snapshots).withOnStop(true))))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            play(server, 10, 2);
            if (Files.isDirectory(snapshots))
            {
                Files.delete(snapshots);
            }
            Files.writeString(snapshots, "not a directory");
            stopped = server.service.stop();
        }
        assertThat(stopped.commands()).isEqualTo(5);
        assertThat(stopped.stateHash()).isEqualTo(replay(journal).stateHash());
        assertThat(Files.readString(snapshots)).isEqualTo("not a directory");
    }

    @Test
    void aCorruptNewestSnapshotIsReportedAndSkipped() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Path snapshots = dir.resolve("snaps");
        try (TestServer server = new TestServer(snapshots(quiet(journal), p -> p.withDirectory(snapshots))))
        {
            server.post(TestServer.createHunt(1, 1, "plaza"));
            play(server, 10, 2);
            assertThat(server.send(server.request("/v1/admin/snapshot").POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build()).status()).isEqualTo(200);
            play(server, 20, 2);
            final JsonNode second = server.send(server.request("/v1/admin/snapshot")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).json();
            TestServer.await("both snapshots on disk", 20, () -> files(snapshots).size() == 2);
            final Path newest = Path.of(second.path("file").asText());
            final byte[] bytes = Files.readAllBytes(newest);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(newest, bytes);
        }
        final List<String> log = new ArrayList<>();
        try (HttpService again = HttpService.start(snapshots(quiet(journal), p -> p.withDirectory(snapshots))
            .withHttp(http -> http.withAddress("127.0.0.1", 0)), log::add))
        {
            assertThat(log).singleElement().asString().contains("skipping").contains(newest(snapshots)).contains("checksum");
            assertThat(again.recovery().snapshotIndex()).isEqualTo(4);
            assertThat(again.stop().stateHash()).isEqualTo(replay(journal).stateHash());
        }
    }

    /** A journal of a createHunt and a joinHunt, in dir/journal. */
    private Path twoEntryJournal()
    {
        return Journals.write(dir.resolve("journal"), Journals.plazaHunt(2));
    }

    private static String newest(final Path snapshots)
    {
        return files(snapshots).get(0).getFileName().toString();
    }

    private static List<Path> files(final Path snapshots)
    {
        try
        {
            return new SnapshotStore(snapshots).files();
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    @Test
    void periodicSnapshotsKeepTheNewestK()
    {
        final Path journal = dir.resolve("journal");
        final Path snapshots = dir.resolve("snaps");
        try (TestServer server = new TestServer(snapshots(quiet(journal), p -> p.withDirectory(snapshots).withPolicy(4, 0, 2))))
        {
            server.post(TestServer.createHunt(1, 1, "plaza"));
            for (int round = 0; round < 4; round++)
            {
                final long before = server.service.snapshotsWritten();
                play(server, 10 + 20L * round, 3);
                TestServer.await("a periodic snapshot after round " + round, 30, () -> server.service.snapshotsWritten() > before);
            }
            TestServer.await("old snapshots to be deleted", 20, () -> files(snapshots).size() == 2);
            assertThat(server.get("/metrics").body()).contains("hytrix_snapshot_last_bytes ").contains("hytrix_snapshot_last_stall_seconds ")
                .contains("hytrix_snapshot_last_write_seconds ");
        }
    }

    @Test
    void theSnapshotEndpointNeedsTheTokenAndAnEmptyEngineHasNothingToSnapshot()
    {
        try (TestServer server = new TestServer(quiet(dir.resolve("journal"))
            .withHttp(http -> http.withToken("tok".getBytes(StandardCharsets.US_ASCII)))))
        {
            final java.net.http.HttpRequest.BodyPublisher none = java.net.http.HttpRequest.BodyPublishers.noBody();
            assertThat(server.send(server.request("/v1/admin/snapshot").POST(none).build()).status()).isEqualTo(401);
            server.withToken("tok");
            final TestServer.Answer empty = server.send(server.request("/v1/admin/snapshot").POST(none).build());
            assertThat(empty.status()).isEqualTo(409);
            assertThat(empty.errorCode()).isEqualTo("NOTHING_TO_SNAPSHOT");
            assertThat(server.get("/v1/admin/snapshot").status()).isEqualTo(405);
        }
    }

    @Test
    void aCorruptEntryInTheMiddleRefusesToStartWithItsIndexAndTheRepairCommand()
    {
        final Path journal = twoEntryJournal();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal).build();
             ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[] { 1, 99, 0, 0 }); // a scrambled entry
            }
        }
        Journals.append(journal, new CommandEvent().joinHunt(3, 1, 11));
        final ServiceSettings serve = TestServer.quietSettings(journal).withHttp(http -> http.withAddress("127.0.0.1", 0));
        assertThatThrownBy(() -> HttpService.start(serve)).isInstanceOf(Node.RecoveryRefused.class)
            .satisfies(ex -> assertThat(((Node.RecoveryRefused)ex).index()).isEqualTo(2))
            .message().doesNotContain("\n").startsWith("journal entry 2: ").contains("refusing to start")
            .endsWith("./hytrix journal repair " + journal + " --truncate-at 2");

        JournalMaintenance.truncate(journal, 2);
        try (TestServer repaired = TestServer.quiet(journal))
        {
            assertThat(repaired.service.recoveredCommands()).isEqualTo(2);
            assertThat(repaired.post(TestServer.join(4, 1, 12)).json().path("journalIndex").asLong()).isEqualTo(2);
        }
    }

    @Test
    void outputsRecordedAcrossRestartsHoldEachJournalEntryOnceAndVerify()
    {
        final Path journal = dir.resolve("journal");
        final ServiceSettings ticking = quiet(journal).withNode(node -> node.withTickHz(100));
        try (TestServer server = new TestServer(ticking))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            play(server, 10, 5);
            assertThat(server.send(server.request("/v1/admin/snapshot").POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);
            play(server, 100, 3);
            TestServer.await("a few checksum ticks", 20, () -> server.get("/v1/state").json().path("commands").asLong() > 40);
        }
        try (TestServer again = new TestServer(ticking))
        {
            assertThat(again.service.recovery().snapshotIndex()).isPositive();
            play(again, 200, 2);
        }
        final io.hytrix.replay.verify.VerifyReport report = new io.hytrix.replay.verify.OutputVerifier(new ShippedMaps(),
            Replayer.pathCache(0)).run(journal, dir.resolve("journal.outputs"), null);
        assertThat(report.identical()).as(String.valueOf(report)).isTrue();
        assertThat(report.unrecordedTail()).isZero();
        assertThat(report.commands()).isEqualTo(replay(journal).commands());
        assertThat(report.checksums()).isPositive();
    }

    @Test
    void withSyncEveryAnsweredCommandIsJournaledAndTheStateIsWhatReplayGives()
    {
        final Path journal = dir.resolve("journal");
        final ShutdownSummary stopped;
        try (TestServer server = new TestServer(quiet(journal).withNode(node -> node.withJournal(j -> j.withSync(true)))))
        {
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(200);
            play(server, 10, 20);
            stopped = server.service.stop();
        }
        final ReplayResult replayed = replay(journal);
        assertThat(replayed.commands()).isEqualTo(41);
        assertThat(stopped.stateHash()).isEqualTo(replayed.stateHash());
    }

    @Test
    void outputsAheadOfTheirJournalRefuseToStartSayingWhatToDo()
    {
        final Path journal = twoEntryJournal();
        final Path outputs = dir.resolve("journal.outputs");
        try (io.hytrix.journal.output.OutputQueue queue = io.hytrix.journal.output.OutputQueue.open(outputs, false, 10, 100))
        {
            final io.hytrix.journal.output.OutputRecorder recorder = new io.hytrix.journal.output.OutputRecorder(queue);
            final CommandEvent tick = new CommandEvent();
            for (int i = 0; i < 6; i++)
            {
                tick.tick(100 + i).journalIndex = i;
                recorder.onOutcome(tick);
            }
        }
        final ServiceSettings serve = TestServer.quietSettings(journal).withHttp(http -> http.withAddress("127.0.0.1", 0));
        assertThatThrownBy(() -> HttpService.start(serve)).isInstanceOf(io.hytrix.journal.JournalException.class)
            .message().doesNotContain("\n")
            .contains("records journal index 5 but the journal holds 2 entries").contains("move " + outputs + " aside");
    }
}
