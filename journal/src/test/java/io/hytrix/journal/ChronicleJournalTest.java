package io.hytrix.journal;

import static io.hytrix.journal.Commands.assertSameCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleJournalTest
{
    @TempDir
    Path tmp;

    @Test
    void appendReturnsDenseIndexesAndEntriesReadBackInOrder()
    {
        final Path dir = tmp.resolve("j");
        long expectedBytes = 0;
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).isZero();
            assertThat(journal.lastChronicleIndex()).isEqualTo(-1);
            long previousChronicleIndex = -1;
            for (int i = 0; i < 50; i++)
            {
                final CommandEvent cmd = Commands.sample(i);
                assertThat(journal.append(cmd)).isEqualTo(i);
                assertThat(journal.lastChronicleIndex()).isGreaterThan(previousChronicleIndex);
                previousChronicleIndex = journal.lastChronicleIndex();
                expectedBytes += Commands.expectedLength(cmd);
            }
            assertThat(journal.nextIndex()).isEqualTo(50);
            assertThat(journal.bytesAppended()).isEqualTo(expectedBytes);
        }
        assertThat(Journals.read(dir)).hasSize(50);
    }

    @Test
    void syncModeForcesOnCommitAndReadsBackTheSame()
    {
        final Path dir = tmp.resolve("synced");
        final JournalConfig config = JournalConfig.in(dir).withSync(true);
        assertThat(config.sync()).isTrue();
        assertThat(JournalConfig.in(dir).sync()).as("default: the mapped file, not the disk").isFalse();
        try (ChronicleJournal journal = ChronicleJournal.open(config))
        {
            assertThat(journal.forcesOnCommit()).isTrue();
            for (int i = 0; i < 20; i++)
            {
                assertThat(journal.append(Commands.sample(i))).isEqualTo(i);
                if (i % 7 == 6)
                {
                    journal.commit();
                }
            }
            journal.commit();
        }
        try (ChronicleJournal plain = ChronicleJournal.open(JournalConfig.in(tmp.resolve("plain"))))
        {
            assertThat(plain.forcesOnCommit()).isFalse();
            plain.commit(); // nothing to force: a no-op
        }
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
        {
            final CommandEvent into = new CommandEvent();
            for (int i = 0; i < 20; i++)
            {
                assertThat(source.next(into)).isTrue();
                assertSameCommand(into, Commands.sample(i));
            }
            assertThat(source.next(into)).isFalse();
        }
    }

    @Test
    void reopeningInAppendModeContinuesTheIndex()
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            for (int i = 0; i < 5; i++)
            {
                journal.append(Commands.sample(i));
            }
        }
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withMode(JournalConfig.Mode.APPEND)))
        {
            assertThat(journal.nextIndex()).isEqualTo(5);
            assertThat(journal.append(Commands.sample(5))).isEqualTo(5);
            assertThat(journal.bytesAppended()).as("counts only this session").isEqualTo(Commands.expectedLength(Commands.sample(5)));
        }
        final List<CommandEvent> all = Journals.read(dir);
        assertThat(all).hasSize(6);
        for (int i = 0; i < 6; i++)
        {
            assertThat(all.get(i).journalIndex).isEqualTo(i);
            assertSameCommand(all.get(i), Commands.sample(i));
        }
    }

    @Test
    void freshModeStartsAtZeroAndDeletesOnlyQueueFiles() throws IOException
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(Commands.sample(0));
            journal.append(Commands.sample(1));
        }
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        Files.writeString(dir.resolve("notes.cq4.bak"), "keep me");
        final Path sub = Files.createDirectory(dir.resolve("archive"));
        Files.writeString(sub.resolve("old.cq4"), "keep me");

        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withMode(JournalConfig.Mode.FRESH)))
        {
            assertThat(journal.nextIndex()).isZero();
            assertThat(journal.append(Commands.sample(7))).isZero();
        }
        final List<CommandEvent> all = Journals.read(dir);
        assertThat(all).hasSize(1);
        assertSameCommand(all.get(0), Commands.sample(7));
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
        assertThat(dir.resolve("notes.cq4.bak")).hasContent("keep me");
        assertThat(sub.resolve("old.cq4")).hasContent("keep me");
    }

    @Test
    void createsMissingParentDirectories()
    {
        final Path dir = tmp.resolve("a/b/c");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.append(Commands.sample(0))).isZero();
            assertThat(journal.directory()).isEqualTo(dir);
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported() throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("journal"), "x");
        assertThatThrownBy(() -> ChronicleJournal.open(file))
            .isExactlyInstanceOf(JournalException.class)
            .hasMessage("journal directory " + file + " is a file, not a directory");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReported() throws IOException
    {
        final Path dir = Files.writeString(tmp.resolve("file"), "x").resolve("journal");
        assertThatThrownBy(() -> ChronicleJournal.open(dir))
            .isExactlyInstanceOf(JournalException.class)
            .hasMessageStartingWith("cannot create journal directory " + dir + ": ")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aReadOnlyDirectoryIsReported() throws IOException
    {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write to any directory");
        final Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try
        {
            assertThatThrownBy(() -> ChronicleJournal.open(dir))
                .isExactlyInstanceOf(JournalException.class)
                .hasMessage("journal directory " + dir + " is not writable");
        }
        finally
        {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aCommandThatCannotBeEncodedWritesNothing()
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(Commands.sample(0));
            assertThatThrownBy(() -> journal.append(new CommandEvent().move(1, 2, null)))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(journal.nextIndex()).isEqualTo(1);
            assertThat(journal.append(Commands.sample(1))).isEqualTo(1);
        }
        final List<CommandEvent> all = Journals.read(dir);
        assertThat(all).hasSize(2);
        assertSameCommand(all.get(1), Commands.sample(1));
    }

    @Test
    void canBeOpenedOnOneThreadAndAppendedOnAnother()
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(Commands.sample(0));
            final long index = CompletableFuture.supplyAsync(() -> journal.append(new CommandEvent().move(1, 2, Direction.S))).join();
            assertThat(index).isEqualTo(1);
        }
        assertThat(Journals.read(dir)).hasSize(2);
    }

    @Test
    void rollCycleIsConfigurableByNameAndAnExistingQueueKeepsItsOwn()
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withRollCycle("fast_hourly")))
        {
            journal.append(Commands.sample(0));
            assertThat(RollCycles.FAST_HOURLY.toSequenceNumber(journal.lastChronicleIndex())).isZero();
        }
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir)))
        {
            assertThat(journal.append(Commands.sample(1))).isEqualTo(1);
            assertThat(RollCycles.FAST_HOURLY.toSequenceNumber(journal.lastChronicleIndex())).isIn(0L, 1L);
        }
        assertThat(Journals.read(dir)).hasSize(2);
    }

    @Test
    void configIsImmutableAndRejectsUnknownRollCycles()
    {
        final JournalConfig base = JournalConfig.in(tmp);
        final JournalConfig fresh = base.withMode(JournalConfig.Mode.FRESH).withRollCycle(RollCycles.FAST_HOURLY);
        assertThat(base.mode()).isEqualTo(JournalConfig.Mode.APPEND);
        assertThat(base.rollCycle()).isEqualTo(JournalConfig.DEFAULT_ROLL_CYCLE);
        assertThat(fresh.mode()).isEqualTo(JournalConfig.Mode.FRESH);
        assertThat(fresh.rollCycle()).isEqualTo(RollCycles.FAST_HOURLY);
        assertThat(JournalConfig.rollCycleNamed("FAST_DAILY")).isEqualTo(RollCycles.FAST_DAILY);
        assertThatThrownBy(() -> JournalConfig.rollCycleNamed("FORTNIGHTLY"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("unknown roll cycle 'FORTNIGHTLY'; known: ")
            .hasMessageContaining("FAST_DAILY");
    }

    @Test
    void closeIsIdempotent()
    {
        final ChronicleJournal journal = ChronicleJournal.open(tmp.resolve("j"));
        journal.close();
        journal.close();
    }

}
