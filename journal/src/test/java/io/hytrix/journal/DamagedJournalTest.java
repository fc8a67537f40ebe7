package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Journals written by {@link ChronicleJournal} and then damaged on disk: every reader names the
 * first entry that cannot be read and the repair command, and repairing there keeps what reads.
 */
class DamagedJournalTest
{
    private static final int ENTRIES = 60;
    private static final int BAD = 37;

    @TempDir
    Path tmp;

    private Path journal()
    {
        return Journals.write(tmp.resolve("j"), Journals.plazaHunt(ENTRIES));
    }

    @Test
    void aHolePunchedIntoTheDataIsNamedAtTheFirstEntryItSwallows() throws Exception
    {
        final Path dir = journal();
        final DamagedFiles.Spot spot = DamagedFiles.entry(dir, BAD);
        DamagedFiles.punchHole(spot.file(), spot.offset(), 4096);
        assertNamedAndRepairable(dir, BAD, "a hole or zeroed bytes");
    }

    @Test
    void zeroedBytesAreNamedLikeAHole() throws Exception
    {
        final Path dir = journal();
        final DamagedFiles.Spot spot = DamagedFiles.entry(dir, BAD);
        DamagedFiles.zero(spot.file(), spot.offset(), 100);
        assertNamedAndRepairable(dir, BAD, "entries " + BAD + ".." + (ENTRIES - 1) + " cannot be read");
    }

    @Test
    void aTruncatedCycleFileIsNamedAtTheFirstEntryPastTheCut() throws Exception
    {
        final Path dir = journal();
        final DamagedFiles.Spot spot = DamagedFiles.entry(dir, BAD);
        // Mid-header of entry BAD: the rest of the last page reads as zeros, the pages after it fault.
        DamagedFiles.truncate(spot.file(), spot.offset() + 2);
        assertNamedAndRepairable(dir, BAD, "");
    }

    @Test
    void anEntryOfZerosIsSchemaVersionZero() throws Exception
    {
        final Path dir = journal();
        final DamagedFiles.Spot spot = DamagedFiles.entry(dir, BAD);
        // The header survives, the payload is zeros: what a failed append on a full disk leaves.
        DamagedFiles.zero(spot.file(), spot.offset() + 4, 10);
        assertNamedAndRepairable(dir, BAD, "unsupported schema version 0");
    }

    @Test
    void aCycleFileZeroedAtItsStartIsNamedAtItsFirstEntryWithoutWaiting() throws Exception
    {
        final Path dir = tmp.resolve("rolled");
        RawQueue.rolled(dir, 3, 2, 4);
        final Path second = QueueFiles.cycleFiles(dir).get(1);
        DamagedFiles.zero(second, 0, 4096);
        final long start = System.nanoTime();
        assertNamedAndRepairable(dir, 3, "damaged at its start");
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds, without Chronicle's wait for a header").isLessThan(8);
        assertThatThrownBy(() -> ChronicleJournal.open(tmp.resolve("rolled.before-repair")))
            .isInstanceOf(JournalFormatException.class).hasMessageContaining("--truncate-at 3");
    }

    @Test
    void theOnlyCycleFileZeroedAtItsStartIsEntryZero() throws Exception
    {
        final Path dir = journal();
        DamagedFiles.zero(DamagedFiles.onlyCycleFile(dir), 0, 4096);
        assertNamedAndRepairable(dir, 0, "its header is zeros");
    }

    @Test
    void aPageAFullTmpfsCannotBackIsAFaultNamedAtItsEntry() throws Exception
    {
        final Path mount = tmp.resolve("tmpfs");
        DamagedFiles.mountTmpfs(mount, 8);
        try
        {
            final Path dir = Journals.write(mount.resolve("j"), Journals.plazaHunt(400));
            final DamagedFiles.Spot spot = DamagedFiles.entry(dir, 300);
            final long page = spot.offset() & ~4095L;
            DamagedFiles.punchHole(spot.file(), page, 4096);
            DamagedFiles.fill(mount);
            try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
            {
                final CommandEvent cmd = new CommandEvent();
                final JournalFormatException e = catchThrowableOfType(() ->
                {
                    while (source.next(cmd))
                    {
                        // read up to the fault
                    }
                }, JournalFormatException.class);
                assertThat(e).as("reading a hole on a full tmpfs").isNotNull();
                assertThat(e.getCause()).isInstanceOf(InternalError.class);
                assertThat(e.getMessage()).contains("a fault reading the memory-mapped file").doesNotContain("\n")
                    .endsWith("./hytrix journal repair " + dir + " --truncate-at " + e.index());
                // The hole starts at the page boundary before entry 300's header, up to 4096 / 30 entries earlier.
                assertThat(e.index()).isBetween(300L - 4096 / 30 - 1, 300L);
                assertThatThrownBy(() -> source.next(cmd)).as("the source stays failed").isSameAs(e);
            }
            final JournalMaintenance.Verification v = JournalMaintenance.verify(dir);
            assertThat(v.clean()).isFalse();
            Files.delete(mount.resolve("filler"));
            JournalMaintenance.truncate(dir, v.firstCorruptIndex());
            assertThat(Journals.read(dir)).hasSize((int)v.firstCorruptIndex());
        }
        finally
        {
            DamagedFiles.unmount(mount);
        }
    }

    /**
     * Every reader names entry {@code bad} with the repair command; {@code journal repair} there keeps
     * {@code bad} entries that read back cleanly and take appends again.
     */
    private static void assertNamedAndRepairable(final Path dir, final long bad, final String problem)
    {
        final String repair = "; to keep the " + bad + " entries before it, run ./hytrix journal repair " + dir + " --truncate-at " + bad;

        final JournalMaintenance.Verification v = JournalMaintenance.verify(dir);
        assertThat(v.firstCorruptIndex()).as(v.problem()).isEqualTo(bad);
        assertThat(v.problem()).startsWith("journal entry " + bad + ": ").contains(problem).endsWith(repair).doesNotContain("\n");

        final JournalFormatException read = catchThrowableOfType(() -> Journals.read(dir), JournalFormatException.class);
        assertThat(read).as("reading " + dir).isNotNull();
        assertThat(read.index()).isEqualTo(bad);
        assertThat(read.getMessage()).endsWith(repair);

        final Path backup = JournalMaintenance.truncate(dir, bad);
        assertThat(Files.isDirectory(backup)).isTrue();
        assertThat(JournalMaintenance.verify(dir)).isEqualTo(new JournalMaintenance.Verification(bad, -1, null));
        final List<CommandEvent> kept = Journals.read(dir);
        assertThat(kept).hasSize((int)bad);
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).isEqualTo(bad);
            assertThat(journal.append(Commands.sample(99))).isEqualTo(bad);
        }
    }
}
