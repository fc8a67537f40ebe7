package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandSource;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a journal written by {@link ChronicleJournal}, in order, for replay, recovery and the
 * dump tool. The queue is opened read-only, so reading never changes or creates a file. Reading
 * allocates nothing per entry.
 *
 * <p>After each successful {@link #next}, {@link #lastChronicleIndex()} gives the entry's
 * Chronicle index alongside the dense one. A corrupt entry throws {@link JournalFormatException}
 * and is consumed: the next call reads the entry after it, with the right dense index, so a dump
 * can report the bad entry and carry on. Not thread-safe.
 */
public final class ChronicleCommandSource implements CommandSource
{
    private final Path directory;
    private final ExcerptTailer tailer;
    private final QueueHandle handle;
    private long nextIndex;
    private long lastChronicleIndex = -1;

    private ChronicleCommandSource(final Path directory, final SingleChronicleQueue queue, final ExcerptTailer tailer, final long from)
    {
        this.directory = directory;
        this.tailer = tailer;
        this.handle = new QueueHandle(queue, tailer);
        this.nextIndex = from;
    }

    /** Reads the journal in {@code directory} from its first entry. */
    public static ChronicleCommandSource open(final Path directory)
    {
        return open(directory, 0);
    }

    /**
     * Reads the journal in {@code directory} starting at dense index {@code from}, jumping there
     * without reading the entries before it.
     *
     * @throws JournalException         if there is no journal in {@code directory}.
     * @throws IllegalArgumentException if {@code from} is negative or past the last entry.
     */
    public static ChronicleCommandSource open(final Path directory, final long from)
    {
        QueueFiles.requireJournal(directory);
        final SingleChronicleQueue queue = build(directory);
        ExcerptTailer tailer = null;
        try
        {
            tailer = queue.createTailer();
            // Opened by the caller's thread, possibly read by a replay thread; see ChronicleJournal.
            tailer.singleThreadedCheckDisabled(true);
            DenseIndex.seek(queue, tailer, from);
            return new ChronicleCommandSource(directory, queue, tailer, from);
        }
        catch (final RuntimeException e)
        {
            if (tailer != null)
            {
                tailer.close();
            }
            queue.close();
            throw e;
        }
    }

    private static SingleChronicleQueue build(final Path dir)
    {
        // The roll cycle comes from the queue's own metadata; read-only never writes a file.
        return QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(dir).readOnly(true).build(), "journal", dir);
    }

    @Override
    public boolean next(final CommandEvent into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final long index = nextIndex++;
            lastChronicleIndex = dc.index();
            JournalCodec.decode(dc.wire().bytes(), into, index);
            into.journalIndex = index;
            return true;
        }
    }

    /** Dense index the next {@link #next} will assign; after the last entry, the journal's entry count. */
    public long nextIndex()
    {
        return nextIndex;
    }

    /** Chronicle's index of the entry last returned (or rejected as corrupt), or -1 before the first. */
    public long lastChronicleIndex()
    {
        return lastChronicleIndex;
    }

    public Path directory()
    {
        return directory;
    }

    @Override
    public void close()
    {
        handle.close();
    }

    @Override
    public String toString()
    {
        return "ChronicleCommandSource{" + directory + ", nextIndex=" + nextIndex + '}';
    }
}
