package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.hytrix.journal.Commands.assertSameCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalMaintenanceTest
{
    @TempDir
    Path tmp;

    @Test
    void aCleanJournalVerifies()
    {
        final Path dir = tmp.resolve("j");
        try (RawQueue raw = new RawQueue(dir))
        {
            for (int i = 0; i < 5; i++)
            {
                raw.write(Commands.sample(i));
            }
        }
        assertThat(JournalMaintenance.verify(dir)).isEqualTo(new JournalMaintenance.Verification(5, -1, null));
    }

    @Test
    void aCorruptMiddleIsNamedAndTruncatingThereKeepsWhatCameBefore()
    {
        final Path dir = tmp.resolve("j");
        try (RawQueue raw = new RawQueue(dir))
        {
            raw.write(Commands.sample(0)).write(Commands.sample(1));
            raw.write(new byte[] { 1, 99, 0, 0 }); // unknown command type: a scrambled entry
            raw.write(Commands.sample(3));
        }
        final JournalMaintenance.Verification verification = JournalMaintenance.verify(dir);
        assertThat(verification.clean()).isFalse();
        assertThat(verification.firstCorruptIndex()).isEqualTo(2);
        assertThat(verification.problem()).startsWith("journal entry 2:");

        final Path backup = JournalMaintenance.truncate(dir, 2);
        assertThat(backup.getFileName().toString()).isEqualTo("j.before-repair");
        assertThat(JournalMaintenance.verify(dir)).isEqualTo(new JournalMaintenance.Verification(2, -1, null));
        assertThat(JournalMaintenance.verify(backup).firstCorruptIndex()).as("the original is kept as it was").isEqualTo(2);
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).isEqualTo(2);
            assertThat(journal.append(Commands.sample(7))).isEqualTo(2);
        }
        assertThat(Journals.read(dir)).hasSize(3);
        assertThatThrownBy(() -> JournalMaintenance.truncate(dir, 10)).hasMessageContaining("holds only 3 entries");
    }

    @Test
    void pruningDeletesCoveredCyclesAndKeepsIndexesStable()
    {
        final Path dir = tmp.resolve("rolled");
        RawQueue.rolled(dir, 3, 2, 4);
        final List<JournalMaintenance.Cycle> cycles = JournalMaintenance.cycles(dir);
        assertThat(cycles).extracting(JournalMaintenance.Cycle::firstIndex).containsExactly(0L, 3L, 5L);
        assertThat(cycles).extracting(JournalMaintenance.Cycle::entries).containsExactly(3L, 2L, 4L);

        // A snapshot through index 3 covers the first cycle only.
        assertThat(JournalMaintenance.prune(dir, 3)).containsExactly(cycles.get(0).file());
        assertThat(Files.exists(cycles.get(1).file())).isTrue();
        final List<CommandEvent> rest = Journals.read(dir, 3);
        assertThat(rest).hasSize(6);
        assertThat(rest.get(0).journalIndex).isEqualTo(3);
        assertSameCommand(rest.get(0), Commands.sample(3));
        assertThatThrownBy(() -> ChronicleCommandSource.open(dir, 1)).hasMessageContaining("was pruned");
        assertThat(JournalMaintenance.verify(dir).entries()).isEqualTo(9);

        // The newest cycle is never pruned, even when a snapshot covers it.
        assertThat(JournalMaintenance.prune(dir, 100)).containsExactly(cycles.get(1).file());
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).isEqualTo(9);
        }
    }

    @Test
    void aTornTailRecoversCleanly() throws Exception
    {
        final Path dir = tmp.resolve("torn");
        TornWriter.write(dir, 50, tmp.resolve("child.log"));

        final List<CommandEvent> survivors = Journals.read(dir);
        assertThat(survivors).hasSize(50);
        assertThat(JournalMaintenance.verify(dir)).isEqualTo(new JournalMaintenance.Verification(50, -1, null));
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).isEqualTo(50);
            assertThat(journal.append(Commands.sample(99))).isEqualTo(50);
        }
        final List<CommandEvent> after = Journals.read(dir);
        assertThat(after).hasSize(51);
        assertSameCommand(after.get(50), Commands.sample(99));
    }

}
