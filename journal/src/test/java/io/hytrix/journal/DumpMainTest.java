package io.hytrix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.openhft.chronicle.queue.main.DumpMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our journal must stay readable by Chronicle's own tooling: operators reach for DumpMain first. */
class DumpMainTest
{
    /** A hex-dump row: 8-digit offset, then up to 16 byte columns (49 characters) before the text column. */
    private static final Pattern HEX_ROW = Pattern.compile("^[0-9a-f]{8} (.{1,49})", Pattern.MULTILINE);
    private static final long CMD_ID = 0x0123456789ABCDEFL;

    @TempDir
    Path dir;

    @Test
    void chronicleDumpShowsEveryEntryAndItsBytes()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(new CommandEvent().move(CMD_ID, 42, Direction.E));
            journal.append(new CommandEvent().createHunt(7, 1, "forest-01", 99, 5, 100, 8));
            journal.append(new CommandEvent().tick(8));
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpMain.dump(dir.toFile(), new PrintStream(out, true, StandardCharsets.UTF_8), Long.MAX_VALUE);
        final String dump = out.toString(StandardCharsets.UTF_8);

        final String cycleFile = cycleFileSection(dump);
        assertThat(count(cycleFile, "--- !!data #binary")).as("one data excerpt per entry").isEqualTo(3);
        final String hex = hexBytes(cycleFile);
        // The move entry, whole: version 1, type 4, cmdId LE, actorId 42 LE, dir E.
        assertThat(hex).contains("0204" + "efcdab8967452301" + "2a00000000000000" + "02");
        // The map name travels as length-prefixed ASCII.
        assertThat(hex).contains("09" + "666f726573742d3031");
    }

    /** The dump of the .cq4 file only: the metadata .cq4t has data excerpts of its own. */
    private static String cycleFileSection(final String dump)
    {
        final int start = dump.indexOf(".cq4\n");
        assertThat(start).as("dump names a cycle file:%n%s", dump).isPositive();
        final int end = dump.indexOf("\n## ", start);
        return end < 0 ? dump.substring(start) : dump.substring(start, end);
    }

    private static String hexBytes(final String dump)
    {
        final StringBuilder hex = new StringBuilder();
        final Matcher row = HEX_ROW.matcher(dump);
        while (row.find())
        {
            hex.append(row.group(1).replace(" ", ""));
        }
        return hex.toString();
    }

    private static int count(final String text, final String needle)
    {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1))
        {
            n++;
        }
        return n;
    }
}
