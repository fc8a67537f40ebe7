package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import java.nio.file.Path;
import java.time.Instant;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
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

    /**
     * Writes {@link Commands#sample} 0, 1, ... into {@code dir} in roll cycles of one second, the
     * clock moved on after each group, so the cycles hold {@code perCycle} entries each.
     *
     * @return how many entries were written
     */
    static int rolled(final Path dir, final int... perCycle)
    {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2025-01-01T00:00:00Z"));
        int n = 0;
        try (RawQueue raw = new RawQueue(dir, TestRollCycles.TEST_SECONDLY, clock))
        {
            for (final int entries : perCycle)
            {
                for (int i = 0; i < entries; i++)
                {
                    raw.write(Commands.sample(n++));
                }
                clock.advanceMillis(1000);
            }
        }
        return n;
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
