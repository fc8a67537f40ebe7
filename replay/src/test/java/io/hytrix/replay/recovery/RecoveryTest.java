package io.hytrix.replay.recovery;

import io.hytrix.journal.snapshot.SnapshotStore;
import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import io.hytrix.journal.JournalFormatException;
import io.hytrix.journal.JournalMaintenance;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryTest
{
    private static final int COMMANDS = 6_000;

    @TempDir
    Path dir;

    @Test
    void recoveryFromASnapshotEqualsReplayOfTheWholeJournal() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        writeWithSnapshots(journal, store, 2_000, 4_000);
        final ReplayResult whole = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE)
            .replay(journal, null);

        final List<String> report = new ArrayList<>();
        final Recovery.Recovered recovered = Recovery.recover(journal, store.directory(), new ShippedMaps(),
            Replayer.pathCache(0), EngineListener.NONE, report::add);
        assertThat(recovered.snapshotIndex()).isEqualTo(3_999);
        assertThat(recovered.replayed()).isEqualTo(COMMANDS - 4_000);
        assertThat(recovered.handler().stateHash()).isEqualTo(whole.stateHash());
        assertThat(recovered.handler().commands()).isEqualTo(COMMANDS);
        assertThat(report).isEmpty();

        final Recovery.Recovered fromJournal = Recovery.recover(journal, null, new ShippedMaps(), Replayer.pathCache(1),
            EngineListener.NONE, report::add);
        assertThat(fromJournal.snapshotIndex()).isEqualTo(-1);
        assertThat(fromJournal.handler().stateHash()).isEqualTo(whole.stateHash());
    }

    @Test
    void aCorruptOrPartialSnapshotIsReportedAndAnOlderOneUsed() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        writeWithSnapshots(journal, store, 2_000, 4_000);
        final Path newest = store.files().get(0);
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);

        final List<String> report = new ArrayList<>();
        final Recovery.Recovered recovered = Recovery.recover(journal, store.directory(), new ShippedMaps(),
            Replayer.pathCache(0), EngineListener.NONE, report::add);
        assertThat(recovered.snapshotIndex()).isEqualTo(1_999);
        assertThat(report).singleElement().asString().startsWith("skipping " + newest + ": checksum mismatch");

        Files.write(store.files().get(1), java.util.Arrays.copyOf(Files.readAllBytes(store.files().get(1)), 100));
        report.clear();
        final Recovery.Recovered fromJournal = Recovery.recover(journal, store.directory(), new ShippedMaps(),
            Replayer.pathCache(0), EngineListener.NONE, report::add);
        assertThat(fromJournal.snapshotIndex()).isEqualTo(-1);
        assertThat(report).hasSize(2);
        assertThat(report.get(1)).contains("partial: the header promises");
        assertThat(fromJournal.handler().stateHash()).isEqualTo(recovered.handler().stateHash());
    }

    @Test
    void aSnapshotBeyondTheJournalsEndIsSkipped() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        writeWithSnapshots(journal, store, 2_000, 4_000);
        JournalMaintenance.truncate(journal, 3_000);
        final List<String> report = new ArrayList<>();
        final Recovery.Recovered recovered = Recovery.recover(journal, store.directory(), new ShippedMaps(),
            Replayer.pathCache(0), EngineListener.NONE, report::add);
        assertThat(recovered.snapshotIndex()).isEqualTo(1_999);
        assertThat(report).singleElement().asString().contains("covers journal index 3999, past 2999");
        assertThat(recovered.handler().commands()).isEqualTo(3_000);
    }

    @Test
    void aCorruptEntryStopsRecoveryWithItsIndex() throws IOException
    {
        final Path journal = dir.resolve("journal");
        writeWithSnapshots(journal, new SnapshotStore(dir.resolve("snapshots")));
        try (var queue = SingleChronicleQueueBuilder.binary(journal).build(); var appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[] { 7, 3 }); // schema version 7: not ours
            }
        }
        assertThatThrownBy(() -> Recovery.recover(journal, null, new ShippedMaps(), Replayer.pathCache(0),
            EngineListener.NONE, s -> { })).isInstanceOf(JournalFormatException.class)
            .hasMessageStartingWith("journal entry " + COMMANDS + ":");
    }

    @Test
    void anEmptyOrMissingJournalRecoversToAFreshEngine() throws IOException
    {
        final Recovery.Recovered recovered = Recovery.recover(dir.resolve("none"), dir.resolve("snaps"), new ShippedMaps(),
            Replayer.pathCache(0), EngineListener.NONE, s -> { });
        assertThat(recovered.handler().commands()).isZero();
        assertThat(recovered.snapshotIndex()).isEqualTo(-1);
    }

    /** Journals the matchmaker's first commands live, taking a snapshot after each given count. */
    static void writeWithSnapshots(final Path journal, final SnapshotStore store, final int... snapshotAfter) throws IOException
    {
        final ShippedMaps maps = new ShippedMaps();
        final MatchmakerScript script = new MatchmakerScript(3, 300, 100, 60, 120,
            new GridMap[] { maps.require("arena"), maps.require("plaza") });
        final GameHandler handler = new GameHandler(maps, Replayer.pathCache(0), EngineListener.NONE);
        final CommandEvent cmd = new CommandEvent();
        int next = 0;
        try (ChronicleJournal out = ChronicleJournal.open(JournalConfig.in(journal).withMode(JournalConfig.Mode.FRESH)))
        {
            for (int i = 0; i < COMMANDS; i++)
            {
                script.next(cmd);
                cmd.journalIndex = out.append(cmd);
                handler.apply(cmd);
                if (next < snapshotAfter.length && i + 1 == snapshotAfter[next])
                {
                    store.write(cmd.journalIndex, StateSnapshot.capture(handler));
                    next++;
                }
            }
        }
    }
}
