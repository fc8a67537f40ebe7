package io.hytrix.replay.verify;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.output.OutputRecorder;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal against the outputs a live handler recorded beside it. Divergence is made the way a
 * production bug would make it: the live handler's state is changed by a command the journal never
 * saw, so the replay cannot reproduce it.
 */
class OutputVerifierTest
{
    private static final ShippedMaps MAPS = new ShippedMaps();

    @TempDir
    Path dir;

    @Test
    void aFaithfulRecordingVerifiesIdenticalWhateverThePathCacheSize()
    {
        final List<CommandEvent> commands = new ArrayList<>();
        try (LiveRun live = new LiveRun(dir, 5))
        {
            live.start(commands);
            live.ticks(commands, 12);
            live.journaled(commands, new CommandEvent().travel(60, 7, 4, 18));
            live.ticks(commands, 20);
        }
        for (final int cacheSize : new int[] { 0, 1 })
        {
            final VerifyReport report = verify(cacheSize);
            assertThat(report.identical()).as(text(report)).isTrue();
            assertThat(report.commands()).isEqualTo(commands.size());
            assertThat(report.checksums()).isEqualTo(6);
            assertThat(report.unrecordedTail()).isZero();
        }
        assertThat(diffText(verify(0))).isEqualTo("identical commands=" + commands.size() + "\n");
    }

    @Test
    void aStateChangeTheJournalNeverSawIsPinnedToTheFirstChecksumAfterItAndItsSubsystem()
    {
        try (LiveRun live = new LiveRun(dir, 5))
        {
            final List<CommandEvent> commands = new ArrayList<>();
            live.start(commands);
            live.ticks(commands, 9);
            live.unjournaledMove(8);
            live.ticks(commands, 3);
        }
        final VerifyReport report = verify(0);
        assertThat(report.identical()).isFalse();
        assertThat(report.output()).as("actor 8 does nothing visible afterwards").isNull();
        assertThat(report.checksum().tick()).isEqualTo(10);
        // The move moved actor 8 and took a place in the idempotency window; nothing else changed.
        assertThat(report.checksum().differing()).containsExactly(Subsystem.ACTORS_AND_TILES, Subsystem.IDEMPOTENCY);
        assertThat(report.checksums()).isEqualTo(2);

        final String summary = summaryText(report);
        assertThat(summary).contains("checksums against " + outputs() + ": DIFFERENT",
            "first checksum difference: tick 10 (journal index " + report.checksum().journalIndex()
                + "): actors-and-tiles, idempotency differ; inventories, effects, hunts, path-cursors equal",
            "  actors-and-tiles: recorded ");
        assertThat(summary).doesNotContain("first output difference");
    }

    @Test
    void theFirstCommandWhoseEventsDifferIsShownSideBySideWithTheActorsState()
    {
        final long moveIndex;
        try (LiveRun live = new LiveRun(dir, 5))
        {
            final List<CommandEvent> commands = new ArrayList<>();
            live.start(commands);
            live.ticks(commands, 11);
            final Direction moved = live.unjournaledMove(8);
            moveIndex = live.journaled(commands, new CommandEvent().move(70, 8, opposite(moved)));
            live.ticks(commands, 5);
        }
        final VerifyReport report = verify(0);
        final VerifyReport.OutputDifference difference = report.output();
        assertThat(difference.journalIndex()).isEqualTo(moveIndex);
        assertThat(difference.tick()).isEqualTo(11);
        assertThat(difference.command()).startsWith("move{cmdId=70, actorId=8");
        assertThat(difference.recorded()).isNotEqualTo(difference.replayed());
        assertThat(difference.actors()).containsOnlyKeys(8L);
        assertThat(report.checksum().tick()).isEqualTo(15);
        assertThat(report.checksum().differing()).contains(Subsystem.IDEMPOTENCY);

        final String diff = diffText(report);
        assertThat(diff).startsWith("first divergent journal index: " + moveIndex + " (tick 11)\ncommand: move{cmdId=70");
        assertThat(diff).contains("recorded (live)", "replayed (this build)", " ≠ ", "actors involved", "  actor 8:", "    x: ",
            "first checksum difference: tick 15");
    }

    @Test
    void outputsNamingEntriesTheJournalLacksStopWithTheReason()
    {
        final List<CommandEvent> commands = new ArrayList<>();
        try (LiveRun live = new LiveRun(dir, 5))
        {
            live.start(commands);
            live.ticks(commands, 6);
        }
        final Path shorter = dir.resolve("shorter");
        try (ChronicleJournal journal = ChronicleJournal.open(shorter))
        {
            commands.subList(0, 4).forEach(journal::append);
        }
        final VerifyReport report = new OutputVerifier(MAPS, Replayer.pathCache(0)).run(shorter, outputs(), null);
        assertThat(report.identical()).isFalse();
        assertThat(report.problem()).isEqualTo("the outputs record journal index 4 but the journal ends after 4 entries");
        assertThat(summaryText(report)).contains("stopped: the outputs record journal index 4");
    }

    @Test
    void journalEntriesPastTheLastRecordAreCountedNotChecked()
    {
        final List<CommandEvent> commands = new ArrayList<>();
        try (LiveRun live = new LiveRun(dir, 5))
        {
            live.start(commands);
            live.ticks(commands, 6);
        }
        try (ChronicleJournal journal = ChronicleJournal.open(dir.resolve("journal")))
        {
            journal.append(new CommandEvent().tick(999));
            journal.append(new CommandEvent().tick(1000));
        }
        final VerifyReport report = verify(0);
        assertThat(report.identical()).isTrue();
        assertThat(report.unrecordedTail()).isEqualTo(2);
        assertThat(summaryText(report)).contains(": identical (the journal's last 2 entries have no records: not checked)");
    }

    @Test
    void outputsWithNoCommandRecordsVerifyNothingAndSaySo()
    {
        try (LiveRun live = new LiveRun(dir, 5))
        {
            live.start(new ArrayList<>());
        }
        try (OutputQueue fresh = OutputQueue.open(outputs(), true, 5, 100))
        {
            assertThat(fresh.lastRecordedIndex()).isEqualTo(-1);
        }
        final VerifyReport report = verify(0);
        assertThat(report.identical()).isFalse();
        assertThat(report.problem()).contains("record no commands: nothing was verified");
    }

    private VerifyReport verify(final int cacheSize)
    {
        return new OutputVerifier(MAPS, Replayer.pathCache(cacheSize)).run(dir.resolve("journal"), outputs(), null);
    }

    private Path outputs()
    {
        return dir.resolve("journal.outputs");
    }

    private String summaryText(final VerifyReport report)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VerifyText.summary(report, outputs(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String diffText(final VerifyReport report)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VerifyText.diff(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String text(final VerifyReport report)
    {
        return diffText(report);
    }

    private static Direction opposite(final Direction d)
    {
        return Direction.values()[(d.ordinal() + Direction.values().length / 2) % Direction.values().length];
    }

    /** The live engine in miniature: journal first, then the handler, whose outputs are recorded. */
    private static final class LiveRun implements AutoCloseable
    {
        private final ChronicleJournal journal;
        private final OutputQueue outputs;
        private final GameHandler handler;
        private long cmdId = 1;

        LiveRun(final Path dir, final int checksumEveryTicks)
        {
            journal = ChronicleJournal.open(JournalConfig.in(dir.resolve("journal")).withMode(JournalConfig.Mode.FRESH));
            outputs = OutputQueue.open(dir.resolve("journal.outputs"), true, checksumEveryTicks, 0);
            handler = new GameHandler(MAPS, Replayer.pathCache(0), new OutputRecorder(outputs))
                .checksumEveryTicks(checksumEveryTicks);
        }

        void start(final List<CommandEvent> commands)
        {
            journaled(commands, new CommandEvent().createHunt(cmdId++, 1, "plaza", 1, 6, 1000, 4));
            journaled(commands, new CommandEvent().joinHunt(cmdId++, 1, 7));
            journaled(commands, new CommandEvent().joinHunt(cmdId++, 1, 8));
        }

        void ticks(final List<CommandEvent> commands, final int n)
        {
            for (int i = 0; i < n; i++)
            {
                journaled(commands, new CommandEvent().tick(cmdId++));
            }
        }

        long journaled(final List<CommandEvent> commands, final CommandEvent cmd)
        {
            cmd.journalIndex = journal.append(cmd);
            handler.apply(cmd);
            commands.add(cmd);
            return cmd.journalIndex;
        }

        /** A move applied live but never journaled: the kind of state change replay cannot reproduce. */
        Direction unjournaledMove(final long actorId)
        {
            for (final Direction d : Direction.values())
            {
                final CommandEvent cmd = new CommandEvent().move(cmdId++, actorId, d);
                cmd.journalIndex = -1;
                handler.apply(cmd);
                if (cmd.result == ResultCode.ACCEPTED)
                {
                    return d;
                }
            }
            throw new AssertionError("actor " + actorId + " cannot move anywhere");
        }

        @Override
        public void close()
        {
            outputs.close();
            journal.close();
        }
    }
}
