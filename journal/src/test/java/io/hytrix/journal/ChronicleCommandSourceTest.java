package io.hytrix.journal;

import static io.hytrix.journal.Commands.assertSameCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChronicleCommandSourceTest
{
    @TempDir
    Path tmp;

    @Test
    void missingDirectoryIsReportedAndNotCreated()
    {
        final Path dir = tmp.resolve("absent");
        assertThatThrownBy(() -> ChronicleCommandSource.open(dir))
            .isExactlyInstanceOf(JournalException.class)
            .hasMessage("no journal in " + dir + ": the directory does not exist");
        assertThat(dir).doesNotExist();
    }

    @Test
    void fileInsteadOfDirectoryIsReported() throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("journal"), "not a queue");
        assertThatThrownBy(() -> ChronicleCommandSource.open(file))
            .isExactlyInstanceOf(JournalException.class)
            .hasMessage("no journal in " + file + ": it is a file, not a directory");
    }

    @Test
    void directoryWithoutQueueFilesIsReportedAndLeftUntouched() throws IOException
    {
        final Path dir = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(dir.resolve("README"), "x");
        assertThatThrownBy(() -> ChronicleCommandSource.open(dir))
            .isExactlyInstanceOf(JournalException.class)
            .hasMessageStartingWith("no journal in " + dir + ": it holds no Chronicle Queue files");
        assertThat(listing(dir)).containsExactly("README");
    }

    @Test
    void readsInOrderWithDenseAndChronicleIndexes()
    {
        final Path dir = tmp.resolve("j");
        final long[] chronicleIndexes = new long[20];
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            for (int i = 0; i < 20; i++)
            {
                journal.append(Commands.sample(i));
                chronicleIndexes[i] = journal.lastChronicleIndex();
            }
        }
        final String[] before = listing(dir);
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
        {
            final CommandEvent into = new CommandEvent();
            for (int i = 0; i < 20; i++)
            {
                assertThat(source.next(into)).isTrue();
                assertThat(into.journalIndex).isEqualTo(i);
                assertThat(source.lastChronicleIndex()).isEqualTo(chronicleIndexes[i]);
                assertSameCommand(into, Commands.sample(i));
            }
            assertThat(source.next(into)).isFalse();
            assertThat(source.nextIndex()).isEqualTo(20);
        }
        assertThat(listing(dir)).as("reading creates no files").containsExactly(before);
    }

    @Test
    void startsAtAnyDenseIndexAcrossRolledCycles()
    {
        // Three cycles of different sizes, so Chronicle indexes jump twice while dense ones do not.
        final Path dir = tmp.resolve("rolled");
        final int n = RawQueue.rolled(dir, 3, 1, 5);
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".cq4"))).hasSize(3);

        for (int from = 0; from <= n; from++)
        {
            try (ChronicleCommandSource source = ChronicleCommandSource.open(dir, from))
            {
                final CommandEvent into = new CommandEvent();
                for (int i = from; i < n; i++)
                {
                    assertThat(source.next(into)).as("entry %d from %d", i, from).isTrue();
                    assertThat(into.journalIndex).isEqualTo(i);
                    assertSameCommand(into, Commands.sample(i));
                }
                assertThat(source.next(into)).isFalse();
            }
        }

        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            assertThat(journal.nextIndex()).as("append mode counts every cycle").isEqualTo(n);
        }
    }

    @Test
    void rejectsAStartOutsideTheJournal()
    {
        final Path dir = tmp.resolve("j");
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(Commands.sample(0));
            journal.append(Commands.sample(1));
        }
        assertThatThrownBy(() -> ChronicleCommandSource.open(dir, 3))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("journal index 3 is past the end").hasMessageContaining("holds 2 entries");
        assertThatThrownBy(() -> ChronicleCommandSource.open(dir, -1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyJournalReadsNothing()
    {
        final Path dir = tmp.resolve("j");
        ChronicleJournal.open(dir).close();
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
        {
            assertThat(source.next(new CommandEvent())).isFalse();
            assertThat(source.lastChronicleIndex()).isEqualTo(-1);
        }
    }

    static Stream<Arguments> corruptEntries()
    {
        final byte[] move = RawQueue.encode(new CommandEvent().move(7, 42, Direction.E));
        final byte[] hunt = RawQueue.encode(new CommandEvent().createHunt(1, 2, "m", 3, 4, 5, 6));
        final byte[] tick = RawQueue.encode(new CommandEvent().tick(9));
        return Stream.of(
            Arguments.of("newer schema", set(move, 0, 3), "unsupported schema version 3 (this build reads 1..2)"),
            Arguments.of("schema zero", set(move, 0, 0), "unsupported schema version 0 (this build reads 1..2)"),
            Arguments.of("unknown type", set(move, 1, 77), "unknown command type id 77"),
            Arguments.of("type zero", set(move, 1, 0), "unknown command type id 0"),
            // Chronicle cannot store an empty excerpt (it pads it), so the shortest is one byte.
            Arguments.of("one byte", new byte[] {1}, "truncated: header needs 10 byte(s), 1 left"),
            Arguments.of("short header", Arrays.copyOf(move, 6), "truncated: header needs 10 byte(s), 6 left"),
            Arguments.of("missing field", Arrays.copyOf(move, move.length - 1), "truncated: dir at offset 18 needs 1 byte(s), 0 left"),
            Arguments.of("short map", Arrays.copyOf(hunt, 19), "truncated: map name at offset 19 needs 1 byte(s), 0 left"),
            Arguments.of("dir out of range", set(move, 18, 8), "move dir=8 is outside 0..7"),
            Arguments.of("negative treasures", set(hunt, 31, 0x80), "createHunt treasures=-2147483644 is outside 0..2147483647"),
            Arguments.of("map too long", set(hunt, 18, 65), "map name length 65 exceeds 64"),
            Arguments.of("map not printable", set(hunt, 19, ' '), "map name byte 0 is 0x20, not printable ASCII"),
            Arguments.of("trailing bytes", Arrays.copyOf(tick, tick.length + 1), "1 unexpected byte(s) after a complete tick entry of 10 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptEntries")
    void corruptEntryIsNamedByIndexAndSkipped(final String name, final byte[] bad, final String problem)
    {
        final Path dir = tmp.resolve("bad");
        try (RawQueue raw = new RawQueue(dir))
        {
            raw.write(Commands.sample(0)).write(Commands.sample(1)).write(bad).write(Commands.sample(3));
        }
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
        {
            final CommandEvent into = new CommandEvent();
            assertThat(source.next(into)).isTrue();
            assertThat(source.next(into)).isTrue();
            assertThatThrownBy(() -> source.next(into))
                .isInstanceOfSatisfying(JournalFormatException.class, e -> assertThat(e.index()).isEqualTo(2))
                .hasMessage("journal entry 2: " + problem + "; to keep the 2 entries before it, run ./hytrix journal repair "
                    + dir + " --truncate-at 2");
            assertThat(source.next(into)).as("the source carries on after the bad entry").isTrue();
            assertThat(into.journalIndex).isEqualTo(3);
            assertSameCommand(into, Commands.sample(3));
        }
    }

    private static byte[] set(final byte[] entry, final int offset, final int value)
    {
        final byte[] copy = entry.clone();
        copy[offset] = (byte)value;
        return copy;
    }

    private static String[] listing(final Path dir)
    {
        final String[] names = dir.toFile().list();
        Arrays.sort(names);
        return names;
    }
}
