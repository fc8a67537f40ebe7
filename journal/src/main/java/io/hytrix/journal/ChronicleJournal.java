package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The command journal on a Chronicle Queue: one excerpt per command, holding the raw bytes of
 * {@link JournalCodec} (no Wire field names), so appending allocates nothing once warm. Chronicle
 * itself still allocates a few hundred bytes on rare events: mapping the next 64 MB chunk, rolling
 * to a new cycle file, and rebuilding its weakly held per-thread index holder after a GC (see
 * AllocationTest).
 *
 * <p>The dense index is counted here, not derived from Chronicle's index, because Chronicle's
 * jumps at every roll. It is correct only while this journal is the queue's sole appender, which
 * is how the engine uses it. Not thread-safe: one thread appends at a time; handing the journal
 * to another thread needs a happens-before edge (a Disruptor start gives one).
 */
public final class ChronicleJournal implements CommandJournal
{
    private final Path directory;
    private final boolean sync;
    private final ExcerptAppender appender;
    private final QueueHandle handle;
    private long nextIndex;
    private long lastChronicleIndex = -1;
    private long journalBytes;
    private final SingleChronicleQueue queue;
    /** An append failed: the next one that works checks that the failure left no entry behind. */
    private boolean suspect;
    /** Dense index of an entry a failed append left behind, or -1: from then on every append is refused. */
    private long damagedAt = -1;

    private ChronicleJournal(final Path directory, final SingleChronicleQueue queue, final long nextIndex,
        final boolean sync)
    {
        this.sync = sync;
        this.directory = directory;
        this.nextIndex = nextIndex;
        this.queue = queue;
        this.appender = queue.createAppender();
        this.handle = new QueueHandle(queue, appender);
        // Chronicle pins an appender to its first user thread; the engine opens the journal on one
        // thread and appends on the journaller thread, with the Disruptor ordering the hand-over.
        appender.singleThreadedCheckDisabled(true);
    }

    /** Opens the journal in {@code directory} in {@link JournalConfig.Mode#APPEND} mode with the default roll cycle. */
    public static ChronicleJournal open(final Path directory)
    {
        return open(JournalConfig.in(directory));
    }

    /**
     * Opens or creates the journal {@code config} describes.
     *
     * @throws JournalException       if the directory cannot be created, is a file or is not writable.
     * @throws JournalFormatException if a cycle file is damaged, naming the first entry that cannot be read
     */
    public static ChronicleJournal open(final JournalConfig config)
    {
        final Path dir = config.directory();
        QueueFiles.prepareForWriting(dir);
        if (config.mode() == JournalConfig.Mode.FRESH)
        {
            QueueFiles.deleteQueueFiles(dir);
        }
        final SingleChronicleQueue queue = build(dir, config);
        try
        {
            DenseIndex.checkStarts(queue);
            final long existing;
            try (ExcerptTailer tailer = queue.createTailer())
            {
                existing = DenseIndex.count(queue, tailer);
            }
            return new ChronicleJournal(dir, queue, existing, config.sync());
        }
        catch (final JournalFormatException e)
        {
            // A damaged cycle file: appending after it would bury the damage under new entries.
            queue.close();
            throw e.in(dir);
        }
        catch (final RuntimeException e)
        {
            queue.close();
            throw e;
        }
    }

    private static SingleChronicleQueue build(final Path dir, final JournalConfig config)
    {
        // SyncMode.SYNC makes appender.sync() an msync(MS_SYNC): it returns once the pages are on the device.
        return QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(dir).rollCycle(config.rollCycle())
            .syncMode(config.sync() ? SyncMode.SYNC : SyncMode.NONE).build(), "journal", dir);
    }

    /**
     * Writes the command as one excerpt.
     *
     * @return its dense index.
     * @throws IllegalArgumentException if the command cannot be encoded; nothing is written then.
     */
    @Override
    public long append(final CommandEvent cmd)
    {
        if (damagedAt >= 0)
        {
            throw damaged();
        }
        try
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                try
                {
                    journalBytes += JournalCodec.encode(cmd, dc.wire().bytes());
                }
                catch (final RuntimeException | Error e)
                {
                    // Without this the half-written excerpt would be committed on close.
                    dc.rollbackOnClose();
                    throw e;
                }
            }
        }
        catch (final RuntimeException e)
        {
            // Whether a failed append left an excerpt behind is known only at the next append.
            suspect = true;
            throw e;
        }
        catch (final Error e)
        {
            // A fault in a mapped page (a full disk) is raised late, maybe after this or an earlier
            // excerpt was committed with bytes that never reached the file: nothing written from
            // here on can be trusted until the journal is verified, so every append is refused.
            damagedAt = nextIndex;
            throw e;
        }
        lastChronicleIndex = appender.lastIndexAppended();
        if (suspect)
        {
            suspect = false;
            checkNothingLeftBehind();
        }
        return nextIndex++;
    }

    /**
     * After a failed append, counts the queue's entries once: one more than the journal's own count
     * means this append landed after a damaged entry. Then this command is refused too (a repair that
     * cuts the damaged entry cuts it as well), and so is everything after it.
     */
    private void checkNothingLeftBehind()
    {
        final long entries;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            entries = DenseIndex.count(queue, tailer);
        }
        if (entries != nextIndex + 1)
        {
            damagedAt = nextIndex;
            throw damaged();
        }
    }

    private JournalException damaged()
    {
        return new JournalException("journal " + directory + ": an append failed in the mapped file (disk full?) at entry "
            + damagedAt + "; refusing every append until restart: stop the node, free space, run ./hytrix journal verify "
            + directory + " and, if it names a damaged entry, ./hytrix journal repair " + directory + " --truncate-at <index>");
    }

    /** With {@link JournalConfig#withSync}, forces everything appended so far to the device (msync). */
    @Override
    public void commit()
    {
        if (sync)
        {
            appender.sync();
        }
    }

    @Override
    public boolean forcesOnCommit()
    {
        return sync;
    }

    @Override
    public long nextIndex()
    {
        return nextIndex;
    }

    /** Chronicle's index of the last entry this journal appended, or -1 before the first append. */
    public long lastChronicleIndex()
    {
        return lastChronicleIndex;
    }

    /**
     * Encoded bytes appended through this journal since it was opened. Excludes Chronicle's
     * 4-byte excerpt headers, its index pages and entries that were already in the queue.
     */
    @Override
    public long bytesAppended()
    {
        return journalBytes;
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
        return "ChronicleJournal{" + directory + ", nextIndex=" + nextIndex + '}';
    }
}
