package io.hytrix.cli.crash;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleJournal;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link TornTailTest}: journals a hunt and {@code n - 1} joins, then starts one
 * more entry, writes a few of its bytes and halts the JVM mid-write, as a {@code kill -9} would.
 */
public final class TornTailWriter
{
    private TornTailWriter()
    {
    }

    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final int n = Integer.parseInt(args[1]);
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            journal.append(new CommandEvent().createHunt(1, 1, "plaza", 7, 8, 1000, 50));
            for (int i = 1; i < n; i++)
            {
                journal.append(new CommandEvent().joinHunt(1 + i, 1, 10 + i));
            }
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        dc.wire().bytes().write(new byte[] { 2, 0, 0, 0, 0, 0 }); // the start of an entry, never finished
        Runtime.getRuntime().halt(0);
    }
}
