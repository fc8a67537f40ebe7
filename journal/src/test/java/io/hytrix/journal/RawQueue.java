package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Writes excerpts straight through a Chronicle appender, bypassing ChronicleJournal, to craft bad or multi-cycle journals. */
final class RawQueue implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    RawQueue(final Path dir)
    {
        this(SingleChronicleQueueBuilder.binary(dir).build());
    }

    RawQueue(final Path dir, final RollCycle rollCycle, final TimeProvider time)
    {
        this(SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).timeProvider(time).build());
    }

    private RawQueue(final SingleChronicleQueue queue)
    {
        this.queue = queue;
        this.appender = queue.createAppender();
    }

    RawQueue write(final byte[] payload)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(payload);
        }
        return this;
    }

    RawQueue write(final CommandEvent cmd)
    {
        return write(encode(cmd));
    }

    long lastIndexAppended()
    {
        return appender.lastIndexAppended();
    }

    static byte[] encode(final CommandEvent cmd)
    {
        final Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(JournalCodec.MAX_ENCODED_LENGTH);
        JournalCodec.encode(cmd, bytes);
        return bytes.toByteArray();
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
