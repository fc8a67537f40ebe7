package io.hytrix.journal.output;

import io.hytrix.journal.JournalConfig;
import io.hytrix.journal.JournalException;
import io.hytrix.journal.QueueFiles;
import io.hytrix.journal.QueueHandle;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * The output queue beside a journal: the live engine's outcomes, events and checksums, one
 * {@link OutputRecord} per excerpt, appended on the handler thread (Chronicle's append is a copy into
 * a mapped page, no system call). Opening appends a META record with the checksum interval.
 *
 * <p>After a crash the journal may hold commands whose records were not written yet; recovery
 * replays them through a recorder on this queue, and records for journal indexes already present
 * are skipped, so each command is recorded once. Not thread-safe: one appending thread.
 */
public final class OutputQueue implements OutputRecorder.Sink, AutoCloseable
{
    private final Path directory;
    private final ExcerptAppender appender;
    private final QueueHandle handle;
    private long lastRecordedIndex;
    private long recorded;
    private long skipped;

    private OutputQueue(final Path directory, final SingleChronicleQueue queue, final long lastRecordedIndex)
    {
        this.directory = directory;
        this.lastRecordedIndex = lastRecordedIndex;
        this.appender = queue.createAppender();
        this.handle = new QueueHandle(queue, appender);
        // Opened on the starting thread, appended to by the handler thread after the Disruptor's start.
        appender.singleThreadedCheckDisabled(true);
    }

    /** Where a journal's outputs go unless told otherwise: the sibling directory {@code JOURNAL.outputs}. */
    public static Path besideJournal(final Path journal)
    {
        return QueueFiles.besideJournal(journal, "outputs");
    }

    /**
     * Opens (or creates) the output queue in {@code directory}; {@code fresh} deletes what it held.
     *
     * @param checksumEveryTicks the handler's checksum interval, recorded so verification uses the same
     * @param journalEntries     entries in the journal these outputs belong to
     * @throws JournalException if the directory cannot be used, or it records commands the journal does not
     *                          hold (the journal was repaired or replaced): its records would be wrong
     */
    public static OutputQueue open(final Path directory, final boolean fresh, final int checksumEveryTicks,
        final long journalEntries)
    {
        QueueFiles.prepareForWriting(directory, "output queue");
        if (fresh)
        {
            QueueFiles.deleteQueueFiles(directory);
        }
        final SingleChronicleQueue queue = build(directory);
        try
        {
            final long last = OutputReader.lastRecordedIndex(queue);
            if (last >= journalEntries)
            {
                throw new JournalException("the output queue in " + directory + " records journal index " + last
                    + " but the journal holds " + journalEntries + " entries (repaired or replaced?): move "
                    + directory + " aside, or start fresh");
            }
            final OutputQueue outputs = new OutputQueue(directory, queue, last);
            final OutputRecord meta = new OutputRecord();
            meta.writeMeta(checksumEveryTicks);
            outputs.append(meta);
            return outputs;
        }
        catch (final RuntimeException e)
        {
            queue.close();
            throw e;
        }
    }

    /**
     * After {@code journal repair --truncate-at keep}: keeps the records of journal indexes below
     * {@code keep} (and the META records among them), moving the original directory aside to
     * {@code <dir>.before-repair} (nothing is deleted). Run it on a queue no process is writing.
     *
     * @return where the original now is
     */
    public static Path truncate(final Path directory, final long keep)
    {
        return QueueFiles.rewrite(directory, copy ->
        {
            final OutputRecord record = new OutputRecord();
            try (OutputReader reader = OutputReader.open(directory);
                 SingleChronicleQueue target = build(copy);
                 ExcerptAppender appender = target.createAppender())
            {
                while (reader.next(record) && (!record.isCommand() || record.journalIndex() < keep))
                {
                    try (DocumentContext dc = appender.writingDocument())
                    {
                        dc.wire().bytes().write(record.bytes(), 0, record.length());
                    }
                }
            }
        }, "cannot truncate the output queue in " + directory);
    }

    private static SingleChronicleQueue build(final Path directory)
    {
        return QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(directory).rollCycle(JournalConfig.DEFAULT_ROLL_CYCLE)
            .build(), "output queue", directory);
    }

    @Override
    public void accept(final OutputRecord record)
    {
        final long index = record.journalIndex();
        if (index <= lastRecordedIndex)
        {
            skipped++;
            return;
        }
        append(record);
        lastRecordedIndex = index;
        recorded++;
    }

    private void append(final OutputRecord record)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(record.bytes(), 0, record.length());
        }
    }

    /** The journal index of the newest command record, -1 when there is none. */
    public long lastRecordedIndex()
    {
        return lastRecordedIndex;
    }

    /** Command records appended since opening. */
    public long recorded()
    {
        return recorded;
    }

    /** Records not appended because the queue already held their journal index (recovery after a crash). */
    public long skipped()
    {
        return skipped;
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
}
