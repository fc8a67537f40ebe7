package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link JournalMaintenanceTest}: appends {@code n} entries through
 * {@link ChronicleJournal}, then starts one more excerpt, writes half of it and halts the JVM
 * mid-write, as a {@code kill -9} would.
 */
public final class TornWriter
{
    private TornWriter()
    {
    }

    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final int n = Integer.parseInt(args[1]);
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            for (int i = 0; i < n; i++)
            {
                journal.append(Commands.sample(i));
            }
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        final byte[] entry = RawQueue.encode(Commands.sample(n));
        dc.wire().bytes().write(entry, 0, entry.length / 2);
        Runtime.getRuntime().halt(0);
    }
}
