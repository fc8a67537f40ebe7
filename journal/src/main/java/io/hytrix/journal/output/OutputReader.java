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
 */
public final class OutputReader implements AutoCloseable
{
    private final ExcerptTailer tailer;
    private final QueueHandle handle;
    private long position;

    private OutputReader(final SingleChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
        this.handle = new QueueHandle(queue, tailer);
        tailer.singleThreadedCheckDisabled(true);
    }

    /** @throws JournalException if {@code directory} holds no output queue */
    public static OutputReader open(final Path directory)
    {
        QueueFiles.requireQueue(directory, "output queue");
        return new OutputReader(QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(directory).readOnly(true).build(),
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
        try
        {
            into.validate();
        }
        catch (final OutputFormatException e)
        {
            throw new OutputFormatException("output record " + (position - 1) + ": " + e.getMessage());
        }
        return true;
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
    }

    @Override
    public void close()
    {
        handle.close();
    }
}
