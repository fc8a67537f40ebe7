package io.hytrix.journal.output;

import io.hytrix.journal.JournalException;
import io.hytrix.journal.QueueFiles;
import io.hytrix.journal.QueueHandle;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads an output queue in order, read-only. Each excerpt is copied into the caller's
 * {@link OutputRecord} and checked; the queue's bytes are never handed to a generic deserializer.
 *
 * <p>A damaged cycle file (a fault in a mapped page, Chronicle's {@link InternalError}) is an
 * {@link OutputFormatException} naming the record and the last journal index whose record did read:
 * cutting the journal after it ({@code journal repair --truncate-at}, which cuts these outputs at
 * the same index) leaves a journal and outputs that agree. A hole reads as the end of the queue,
 * which verification reports as records missing after that index.
 */
public final class OutputReader implements AutoCloseable
{
    private final Path directory;
    private final ExcerptTailer tailer;
    private final QueueHandle handle;
    private long position;
    /** Journal index of the last command record read, -1 before the first. */
    private long lastJournalIndex = -1;

    private OutputReader(final Path directory, final SingleChronicleQueue queue)
    {
        this.directory = directory;
        this.tailer = queue.createTailer();
        this.handle = new QueueHandle(queue, tailer);
        tailer.singleThreadedCheckDisabled(true);
    }

    /** @throws JournalException if {@code directory} holds no output queue */
    public static OutputReader open(final Path directory)
    {
        QueueFiles.requireQueue(directory, "output queue");
        return new OutputReader(directory, QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(directory).readOnly(true).build(),
            "output queue", directory));
    }

    /**
     * Reads the next record into {@code into}.
     *
     * @return false at the end of the queue
     * @throws OutputFormatException naming the record's position when it is not a record this build reads
     */
    public boolean next(final OutputRecord into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            position++;
            copy(dc.wire().bytes(), into);
        }
        catch (final InternalError | RuntimeException e)
        {
            throw damaged(directory, position, lastJournalIndex, e);
        }
        try
        {
            into.validate();
        }
        catch (final OutputFormatException e)
        {
            throw new OutputFormatException("output record " + (position - 1) + ": " + e.getMessage());
        }
        if (into.isCommand())
        {
            lastJournalIndex = into.journalIndex();
        }
        return true;
    }

    /** The one line for a record that cannot be read: where, why, and the repair that makes journal and outputs agree. */
    static OutputFormatException damaged(final Path directory, final long record, final long lastGood, final Throwable cause)
    {
        final Path name = directory.getFileName();
        final String journal = name != null && name.toString().endsWith(".outputs")
            ? directory.resolveSibling(name.toString().substring(0, name.toString().length() - ".outputs".length())).toString()
            : "JOURNAL";
        return new OutputFormatException("output queue " + directory + ": record " + record + " cannot be read: "
            + QueueFiles.describeFault(cause) + "; the last readable record is for journal index " + lastGood
            + ": move " + directory + " aside, or keep the journal and its outputs up to there with ./hytrix journal repair "
            + journal + " --truncate-at " + (lastGood + 1), cause);
    }

    private static void copy(final Bytes<?> bytes, final OutputRecord into)
    {
        final int n = (int)bytes.readRemaining();
        bytes.read(into.reserve(n), 0, n);
        into.length = n;
    }

    /** The journal index of the newest command record in {@code queue}, -1 if it holds none. */
    static long lastRecordedIndex(final SingleChronicleQueue queue)
    {
        final OutputRecord record = new OutputRecord();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            return lastRecordedIndex(tailer, record);
        }
        catch (final InternalError | RuntimeException e)
        {
            // Read from the end, so no index before the fault is known: read forward for the last good one.
            throw damaged(queue.file().toPath(), -1, lastReadableIndex(queue), e);
        }
    }

    private static long lastReadableIndex(final SingleChronicleQueue queue)
    {
        final OutputRecord record = new OutputRecord();
        long last = -1;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return last;
                    }
                    copy(dc.wire().bytes(), record);
                }
                if (record.isCommand())
                {
                    last = record.journalIndex();
                }
            }
        }
        catch (final InternalError | RuntimeException e)
        {
            return last;
        }
    }

    private static long lastRecordedIndex(final ExcerptTailer tailer, final OutputRecord record)
    {
        tailer.direction(TailerDirection.BACKWARD).toEnd();
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return -1;
                }
                copy(dc.wire().bytes(), record);
            }
            if (record.isCommand())
            {
                return record.journalIndex();
            }
        }
    }

    @Override
    public void close()
    {
        handle.close();
    }
}
