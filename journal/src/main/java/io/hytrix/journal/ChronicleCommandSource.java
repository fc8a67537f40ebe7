package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandSource;
import java.nio.file.Path;
import net.openhft.chronicle.core.io.ClosedIllegalStateException;
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
 * can report the bad entry and carry on.
 *
 * <p>A damaged cycle file is a {@link JournalFormatException} too, naming this journal and so the
 * repair command: a fault in a mapped page (Chronicle's {@link InternalError}) at the entry being
 * read, and a hole or zeroed bytes, which Chronicle reads as the end of the queue, when the end comes
 * before the entry count taken at opening (Chronicle's index still lists the entries after the hole).
 * After a fault the source is unusable: every later call throws the same exception. The checks are
 * a comparison at the end and exception handlers, so the per-entry path still allocates nothing.
 * Not thread-safe.
 */
public final class ChronicleCommandSource implements CommandSource
{
    private final Path directory;
    private final ExcerptTailer tailer;
    private final QueueHandle handle;
    /** Entries the queue held when opened: reading may end later (a live writer), never earlier. */
    private final long entries;
    private long nextIndex;
    private long lastChronicleIndex = -1;
    /** The fault that made the source unusable, thrown again by every later {@link #next}. */
    private JournalFormatException fault;

    private ChronicleCommandSource(final Path directory, final SingleChronicleQueue queue, final ExcerptTailer tailer, final long from,
        final long entries)
    {
        this.directory = directory;
        this.tailer = tailer;
        this.handle = new QueueHandle(queue, tailer);
        this.nextIndex = from;
        this.entries = entries;
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
     * @throws JournalFormatException   if a cycle file is damaged (a zeroed header, a fault while counting)
     * @throws IllegalArgumentException if {@code from} is negative or past the last entry.
     */
    public static ChronicleCommandSource open(final Path directory, final long from)
    {
        QueueFiles.requireJournal(directory);
        final SingleChronicleQueue queue = build(directory);
        ExcerptTailer tailer = null;
        try
        {
            DenseIndex.checkStarts(queue);
            tailer = queue.createTailer();
            // Opened by the caller's thread, possibly read by a replay thread; see ChronicleJournal.
            tailer.singleThreadedCheckDisabled(true);
            final long entries = DenseIndex.count(queue, tailer);
            DenseIndex.seek(queue, tailer, from);
            return new ChronicleCommandSource(directory, queue, tailer, from, entries);
        }
        catch (final JournalFormatException e)
        {
            if (tailer != null)
            {
                tailer.close();
            }
            queue.close();
            throw e.in(directory);
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
        if (fault != null)
        {
            throw fault;
        }
        final long index = nextIndex;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                if (index < entries)
                {
                    throw fail(index, "the queue ends here but holds " + entries + " entries: entries " + index + ".." + (entries - 1)
                        + " cannot be read (zeros where this entry should start: a hole or zeroed bytes in a cycle file)", null);
                }
                return false;
            }
            nextIndex = index + 1;
            lastChronicleIndex = dc.index();
            JournalCodec.decode(dc.wire().bytes(), into, index);
            into.journalIndex = index;
            return true;
        }
        catch (final JournalFormatException e)
        {
            // Bad bytes in a well-framed entry: consumed, the next call reads on.
            throw e.in(directory);
        }
        catch (final ClosedIllegalStateException e)
        {
            throw e; // a closed source is the caller's mistake, not a damaged file
        }
        catch (final InternalError | RuntimeException e)
        {
            throw fail(index, "cannot read it: " + QueueFiles.describeFault(e), e);
        }
    }

    private JournalFormatException fail(final long index, final String problem, final Throwable cause)
    {
        nextIndex = index + 1;
        fault = new JournalFormatException(directory, index, problem, cause);
        return fault;
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
