package io.hytrix.cli;

import io.hytrix.journal.DamagedFiles;
import io.hytrix.journal.Journals;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verb that reads a journal turns a damaged cycle file into one line naming the first entry
 * that cannot be read and the repair command (exit 2, no stack trace), and the repair it names
 * leaves a journal that replays cleanly with that many entries.
 */
class DamagedJournalVerbsTest
{
    private static final int ENTRIES = 40;
    private static final int BAD = 23;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = { "hole", "zeros", "truncated", "zero-entry", "zeroed-start" })
    void everyReaderSaysOneLineAndTheRepairItNamesWorks(final String damage) throws Exception
    {
        final Path journal = Journals.write(tmp.resolve("journal"), Journals.plazaHunt(ENTRIES));
        final Path clean = Journals.write(tmp.resolve("clean"), Journals.plazaHunt(ENTRIES));
        final DamagedFiles.Spot spot = DamagedFiles.entry(journal, BAD);
        long bad = BAD;
        switch (damage)
        {
            case "hole" -> DamagedFiles.punchHole(spot.file(), spot.offset(), 4096);
            case "zeros" -> DamagedFiles.zero(spot.file(), spot.offset(), 64);
            case "truncated" -> DamagedFiles.truncate(spot.file(), spot.offset() + 2);
            case "zero-entry" -> DamagedFiles.zero(spot.file(), spot.offset() + 4, 10);
            default ->
            {
                DamagedFiles.zero(spot.file(), 0, 4096);
                bad = 0;
            }
        }
        final String repair = "./hytrix journal repair " + journal + " --truncate-at " + bad;
        final String named = "journal entry " + bad + ": ";
        assertOneLine(Cli.run("replay", journal.toString()), named, repair);
        assertOneLine(Cli.run("dump", journal.toString()), named, repair);
        assertOneLine(Cli.run("journal", "verify", journal.toString()), named, repair);
        assertOneLine(Cli.run("diff", journal.toString(), clean.toString()), named, repair);
        assertOneLine(Cli.run("diff", clean.toString(), journal.toString()), named, repair);
        assertOneLine(Cli.run("serve", "--journal", journal.toString(), "--no-outputs", "--port", "0", "--tick-hz", "0"),
            named, repair);

        final Cli repaired = Cli.run("journal", "repair", journal.toString(), "--truncate-at", Long.toString(bad));
        assertThat(repaired.exit()).as(repaired.out() + repaired.err()).isZero();
        assertThat(Cli.run("journal", "verify", journal.toString()).lastLine()).isEqualTo("entries=" + bad + " corrupt=none");
        final Cli replay = Cli.run("replay", journal.toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.err()).isEmpty();
        assertThat(replay.lastLine()).contains(" commands=" + bad + " ");
    }

    private static void assertOneLine(final Cli cli, final String named, final String repair)
    {
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(2);
        assertThat(cli.err().strip()).contains(named).contains(repair).doesNotContain("\n").doesNotContain("\tat ")
            .doesNotContain("Exception");
    }
}
