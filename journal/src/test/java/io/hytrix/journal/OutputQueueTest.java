package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.journal.output.OutputFormatException;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.output.OutputReader;
import io.hytrix.journal.output.OutputRecord;
import io.hytrix.journal.output.OutputRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output queue: one record per journaled command, read back field for field, each index once. */
class OutputQueueTest
{
    @TempDir
    Path dir;

    private final CommandEvent cmd = new CommandEvent();
    private final GameEvent event = new GameEvent();

    @Test
    void recordsReadBackWithEveryFieldOfEveryEventAndTheChecksum()
    {
        final SubsystemHashes hashes = new SubsystemHashes();
        for (final Subsystem s : Subsystem.all())
        {
            hashes.set(s, 0x1000L * (s.ordinal() + 1) - 1);
        }
        try (OutputQueue outputs = OutputQueue.open(dir, false, 7, 10))
        {
            final OutputRecorder recorder = new OutputRecorder(outputs);
            cmd.dig(41, 77);
            cmd.journalIndex = 0;
            cmd.tick = 6;
            cmd.result = ResultCode.ACCEPTED;
            recorder.onEvent(cmd, fill(EventType.TREASURE_FOUND, ItemType.COMPASS, null, null));
            recorder.onEvent(cmd, fill(EventType.EFFECT_STARTED, null, EffectType.SPEED, null));
            recorder.onEvent(cmd, fill(EventType.HUNT_COMPLETED, null, null, CompletionReason.TIME));
            recorder.onOutcome(cmd);

            cmd.tick(42);
            cmd.journalIndex = 1;
            cmd.tick = 7;
            recorder.onChecksum(cmd, hashes);
            recorder.onOutcome(cmd);

            cmd.useItem(43, 1, 2);
            cmd.journalIndex = 2;
            cmd.result = ResultCode.EMPTY_SLOT;
            cmd.duplicate = true;
            recorder.onOutcome(cmd);
            assertThat(outputs.recorded()).isEqualTo(3);
        }

        final List<String> read = readAll(dir);
        assertThat(read).containsExactly(
            "META every=7",
            "#0 tick=6 cmdId=41 DIG ACCEPTED events=[treasureFound{huntId=-9, actorId=77, x=3, y=-4, item=COMPASS, score=1234567890123}, "
                + "effectStarted{huntId=-9, actorId=77, effect=SPEED, expiresAt=1234567890123}, "
                + "huntCompleted{huntId=-9, reason=TIME, tick=2147483647, actors=3}]",
            "#1 tick=7 cmdId=42 TICK ACCEPTED events=[] checksum=fff 1fff 2fff 3fff 4fff 5fff",
            "#2 tick=7 cmdId=43 USE_ITEM EMPTY_SLOT duplicate events=[]");
    }

    @Test
    void commandsThatNeverReachedTheJournalAreNotRecorded()
    {
        try (OutputQueue outputs = OutputQueue.open(dir, false, 0, 10))
        {
            final OutputRecorder recorder = new OutputRecorder(outputs);
            cmd.dig(1, 77);
            cmd.journalIndex = -1;
            cmd.result = ResultCode.INTERNAL;
            recorder.onEvent(cmd, fill(EventType.ACTOR_MOVED, null, null, null));
            recorder.onOutcome(cmd);
            cmd.journalIndex = 0;
            cmd.result = ResultCode.ACCEPTED;
            recorder.onOutcome(cmd);
        }
        assertThat(readAll(dir)).containsExactly("META every=0", "#0 tick=0 cmdId=1 DIG ACCEPTED events=[]");
    }

    @Test
    void reopeningSkipsIndexesAlreadyRecordedSoRecoveryRecordsEachCommandOnce()
    {
        record(0, 3, 10);
        try (OutputQueue outputs = OutputQueue.open(dir, false, 5, 10))
        {
            assertThat(outputs.lastRecordedIndex()).isEqualTo(2);
            final OutputRecorder recorder = new OutputRecorder(outputs);
            for (int i = 0; i < 5; i++)
            {
                cmd.tick(100 + i);
                cmd.journalIndex = i;
                recorder.onOutcome(cmd);
            }
            assertThat(outputs.skipped()).isEqualTo(3);
            assertThat(outputs.recorded()).isEqualTo(2);
        }
        assertThat(readAll(dir)).extracting(line -> line.split(" ")[0])
            .containsExactly("META", "#0", "#1", "#2", "META", "#3", "#4");
    }

    @Test
    void aFreshQueueForgetsWhatItHeld()
    {
        record(0, 3, 10);
        try (OutputQueue outputs = OutputQueue.open(dir, true, 5, 10))
        {
            assertThat(outputs.lastRecordedIndex()).isEqualTo(-1);
        }
        assertThat(readAll(dir)).containsExactly("META every=5");
    }

    @Test
    void outputsAheadOfTheirJournalAreRefusedWithWhatToDo()
    {
        record(0, 5, 10);
        assertThatThrownBy(() -> OutputQueue.open(dir, false, 5, 3))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("records journal index 4 but the journal holds 3 entries")
            .hasMessageContaining("move " + dir + " aside");
    }

    @Test
    void aRecordThisBuildCannotReadIsReportedWithItsPosition()
    {
        record(0, 1, 10);
        try (RawQueue raw = new RawQueue(dir))
        {
            raw.write(new byte[] { 9, OutputRecord.COMMAND, 1, 2 });
        }
        try (OutputReader reader = OutputReader.open(dir))
        {
            final OutputRecord record = new OutputRecord();
            assertThat(reader.next(record)).isTrue();
            assertThat(reader.next(record)).isTrue();
            assertThatThrownBy(() -> reader.next(record)).isInstanceOf(OutputFormatException.class)
                .hasMessage("output record 2: output schema 9 is not supported (this build reads 1)");
        }
    }

    @Test
    void aTruncatedRecordIsReported()
    {
        try (RawQueue raw = new RawQueue(dir))
        {
            raw.write(new byte[] { OutputRecord.SCHEMA, OutputRecord.COMMAND, 1, 2, 3 });
        }
        try (OutputReader reader = OutputReader.open(dir))
        {
            assertThatThrownBy(() -> reader.next(new OutputRecord())).isInstanceOf(OutputFormatException.class)
                .hasMessageContaining("output record 0: record kind 2 of 5 bytes");
        }
    }

    @Test
    void missingOrUnusableDirectoriesAreNamed() throws Exception
    {
        assertThatThrownBy(() -> OutputReader.open(dir.resolve("none")))
            .isInstanceOf(JournalException.class).hasMessageContaining("no output queue in " + dir.resolve("none"));
        final Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> OutputQueue.open(file, false, 1, 0))
            .isInstanceOf(JournalException.class).hasMessage("output queue directory " + file + " is a file, not a directory");
    }

    @Test
    void theDefaultPlaceIsBesideTheJournal()
    {
        assertThat(OutputQueue.besideJournal(dir.resolve("data/journal")))
            .isEqualTo(dir.resolve("data/journal.outputs"));
        assertThat(OutputQueue.besideJournal(Path.of("data/journal/"))).isEqualTo(Path.of("data/journal.outputs"));
        final Path here = Path.of("").toAbsolutePath();
        assertThat(OutputQueue.besideJournal(Path.of("."))).isEqualTo(here.resolveSibling(here.getFileName() + ".outputs"));
    }

    private void record(final long from, final long to, final int every)
    {
        try (OutputQueue outputs = OutputQueue.open(dir, false, every, Long.MAX_VALUE))
        {
            final OutputRecorder recorder = new OutputRecorder(outputs);
            for (long i = from; i < to; i++)
            {
                cmd.tick(i + 1);
                cmd.journalIndex = i;
                recorder.onOutcome(cmd);
            }
        }
    }

    private GameEvent fill(final EventType type, final ItemType item, final EffectType effect, final CompletionReason reason)
    {
        event.type = type;
        event.huntId = -9;
        event.actorId = 77;
        event.x = 3;
        event.y = -4;
        event.tick = Integer.MAX_VALUE;
        event.item = item;
        event.effect = effect;
        event.reason = reason;
        event.value = 1_234_567_890_123L;
        return event;
    }

    private static List<String> readAll(final Path dir)
    {
        final List<String> lines = new ArrayList<>();
        final OutputRecord record = new OutputRecord();
        final GameEvent e = new GameEvent();
        try (OutputReader reader = OutputReader.open(dir))
        {
            while (reader.next(record))
            {
                if (!record.isCommand())
                {
                    lines.add("META every=" + record.checksumEveryTicks());
                    continue;
                }
                final StringBuilder sb = new StringBuilder("#").append(record.journalIndex()).append(" tick=")
                    .append(record.tick()).append(" cmdId=").append(record.cmdId()).append(' ')
                    .append(record.commandType()).append(' ').append(record.result())
                    .append(record.duplicate() ? " duplicate" : "").append(" events=[");
                for (int i = 0; i < record.eventCount(); i++)
                {
                    sb.append(i == 0 ? "" : ", ").append(record.event(i, e));
                }
                sb.append(']');
                if (record.hasChecksum())
                {
                    final SubsystemHashes h = record.checksum(new SubsystemHashes());
                    sb.append(" checksum=");
                    for (final Subsystem s : Subsystem.all())
                    {
                        sb.append(s.ordinal() == 0 ? "" : " ").append(Long.toHexString(h.value(s)));
                    }
                }
                lines.add(sb.toString());
            }
        }
        return lines;
    }
}
