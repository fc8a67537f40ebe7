package io.hytrix.bench;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.service.Node;
import io.hytrix.service.NodeSettings;
import io.hytrix.service.OutputSettings;
import io.hytrix.service.SnapshotSettings;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The throughput rows (a) to (e): each a warm-up, then measured iterations of a fixed operation count. */
final class Throughput
{
    /** The same non-capturing copy the pipeline publishes with. */
    private static final EventTranslatorOneArg<CommandEvent, CommandEvent> COPY =
        (slot, sequence, template) -> slot.copyCommandFrom(template);

    /** A throughput figure plus the handler-thread allocation seen while measuring it. */
    record Result(Stats stats, double handlerBytesPerCommand, double stageBytesPerCommand, long handlerBytes)
    {
    }

    private Throughput()
    {
    }

    /** (a) The Disruptor alone: one producer publishing copies of the mix, one consumer doing nothing. */
    static Stats handOff(final CommandMix mix, final PipelineConfig config, final long events, final int warmups,
        final int iterations) throws Exception
    {
        final AtomicInteger names = new AtomicInteger();
        final Disruptor<CommandEvent> disruptor = new Disruptor<>(CommandEvent::new, config.ringSize(), task -> {
            final Thread t = new Thread(task, "bench-handoff-" + names.getAndIncrement());
            t.setDaemon(true);
            return t;
        }, ProducerType.MULTI, config.waitStrategy().create());
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> { });
        final RingBuffer<CommandEvent> ring = disruptor.start();
        try
        {
            final long[] published = { 0 };
            return Stats.measure(warmups, iterations, events, () -> {
                final long start = System.nanoTime();
                long i = published[0];
                final long end = i + events;
                for (; i < end; i++)
                {
                    ring.publishEvent(COPY, mix.next(i));
                }
                published[0] = end;
                while (ring.remainingCapacity() != ring.getBufferSize())
                {
                    Thread.yield();
                }
                return System.nanoTime() - start;
            });
        }
        finally
        {
            disruptor.shutdown();
        }
    }

    /** (b) Chronicle Queue alone: append the mix's pre-encoded journal bytes, one excerpt each, on this thread. */
    static Stats rawAppend(final CommandMix mix, final Path dir, final long entries, final int warmups,
        final int iterations) throws Exception
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(JournalConfig.DEFAULT_ROLL_CYCLE).build();
             ExcerptAppender appender = queue.createAppender())
        {
            final long[] written = { 0 };
            final byte[] bytes = mix.encoded;
            final int size = mix.size();
            return Stats.measure(warmups, iterations, entries, () -> {
                final long start = System.nanoTime();
                long i = written[0];
                final long end = i + entries;
                for (; i < end; i++)
                {
                    final int k = (int)(i % size);
                    try (DocumentContext dc = appender.writingDocument())
                    {
                        dc.wire().bytes().write(bytes, mix.offsets[k], mix.lengths[k]);
                    }
                }
                written[0] = end;
                return System.nanoTime() - start;
            });
        }
    }

    /**
     * (b2) The engine's journal on this thread: JournalCodec encode + append. Leaves the journal for (e).
     * (b3) the same with {@code sync}: each append forced to the device, what {@code --sync} costs.
     */
    static Stats journalAppend(final CommandMix mix, final Path dir, final long commands, final int warmups,
        final int iterations, final boolean sync) throws Exception
    {
        return journalAppend(mix, dir, commands, warmups, iterations, sync, 1);
    }

    /** (b4) as (b3), forced once per {@code commitEvery} appends: the pipeline's group commit at a batch of that size. */
    static Stats journalAppend(final CommandMix mix, final Path dir, final long commands, final int warmups,
        final int iterations, final boolean sync, final int commitEvery) throws Exception
    {
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withMode(JournalConfig.Mode.FRESH)
            .withSync(sync)))
        {
            final long[] written = { 0 };
            return Stats.measure(warmups, iterations, commands, () -> {
                final long start = System.nanoTime();
                long i = written[0];
                final long end = i + commands;
                for (; i < end; i++)
                {
                    journal.append(mix.next(i));
                    if ((i + 1) % commitEvery == 0)
                    {
                        journal.commit();
                    }
                }
                journal.commit();
                written[0] = end;
                return System.nanoTime() - start;
            });
        }
    }

    /** (c) The full pipeline: publisher → journaller → handler, journal on, at full speed. */
    static Result pipeline(final CommandMix mix, final PipelineConfig config, final Path dir, final long commands,
        final int warmups, final int iterations) throws Exception
    {
        return pipeline(mix, config, dir, commands, warmups, iterations, 0);
    }

    /**
     * As (c); with {@code checksumEveryTicks > 0} the handler also records its outputs beside the journal
     * (as demo and serve do), with a checksum every that many ticks: the (c+o) row.
     */
    static Result pipeline(final CommandMix mix, final PipelineConfig config, final Path dir, final long commands,
        final int warmups, final int iterations, final int checksumEveryTicks) throws Exception
    {
        final CapturingListener listener = new CapturingListener();
        final OutputSettings outputs = checksumEveryTicks > 0
            ? new OutputSettings(OutputQueue.besideJournal(dir), checksumEveryTicks) : OutputSettings.OFF;
        try (Node node = Node.start(new NodeSettings(JournalConfig.in(dir).withMode(JournalConfig.Mode.FRESH), outputs,
            SnapshotSettings.NONE, config, 0, null, NodeSettings.DEFAULT_MIN_FREE_DISK_BYTES), listener))
        {
            final long[] published = { 0 };
            final long[] alloc = new long[4];
            final Stats.Iteration iteration = () -> {
                final long start = System.nanoTime();
                long i = published[0];
                final long end = i + commands;
                for (; i < end; i++)
                {
                    node.publish(mix.next(i));
                }
                published[0] = end;
                while (node.remainingCapacity() != node.ringSize())
                {
                    Thread.yield();
                }
                return System.nanoTime() - start;
            };
            for (int w = 0; w < warmups; w++)
            {
                iteration.run();
            }
            final List<Thread> stages = JvmProbes.threadsNamed("hytrix-stage-");
            final Thread handlerThread = listener.thread;
            alloc[0] = JvmProbes.allocatedBytes(handlerThread);
            alloc[1] = sum(stages);
            final Stats stats = Stats.measure(0, iterations, commands, iteration);
            alloc[2] = JvmProbes.allocatedBytes(handlerThread);
            alloc[3] = sum(stages);
            node.drain();
            final double measured = (double)commands * iterations;
            return new Result(stats, (alloc[2] - alloc[0]) / measured, (alloc[3] - alloc[1]) / measured, alloc[2] - alloc[0]);
        }
    }

    private static long sum(final List<Thread> threads)
    {
        long total = 0;
        for (final Thread t : threads)
        {
            total += Math.max(0, JvmProbes.allocatedBytes(t));
        }
        return total;
    }

    /** (d) GameHandler.apply alone, on this thread, over the mix (no ring, no journal). */
    static Result handler(final CommandMix mix, final long commands, final int warmups, final int iterations)
        throws Exception
    {
        final GameHandler handler = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
        final long[] applied = { 0 };
        final Stats.Iteration iteration = () -> {
            final long start = System.nanoTime();
            long i = applied[0];
            final long end = i + commands;
            for (; i < end; i++)
            {
                final CommandEvent cmd = mix.next(i);
                cmd.journalIndex = i;
                handler.apply(cmd);
            }
            applied[0] = end;
            return System.nanoTime() - start;
        };
        for (int w = 0; w < warmups; w++)
        {
            iteration.run();
        }
        final long before = JvmProbes.currentThreadAllocatedBytes();
        final Stats stats = Stats.measure(0, iterations, commands, iteration);
        final long total = JvmProbes.currentThreadAllocatedBytes() - before;
        final double bytes = total / ((double)commands * iterations);
        return new Result(stats, bytes, bytes, total);
    }

    /** (e) Replayer over a journal on disk, a fresh handler and path cache per replay. */
    static Result replay(final Path journal, final int iterations) throws Exception
    {
        new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null); // warm-up
        final double[] rates = new double[iterations];
        long bytes = 0;
        long commands = 0;
        for (int i = 0; i < iterations; i++)
        {
            final Replayer replayer = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
            final long before = JvmProbes.currentThreadAllocatedBytes();
            final ReplayResult result = replayer.replay(journal, null);
            bytes += JvmProbes.currentThreadAllocatedBytes() - before;
            commands += result.commands();
            rates[i] = result.commandsPerSecond();
        }
        final double perCommand = (double)bytes / Math.max(1, commands);
        return new Result(Stats.of(rates), perCommand, perCommand, bytes);
    }

    /** (e+v) {@code replay --verify}: the journal and outputs (c+o) wrote, replayed and compared record by record. */
    static Stats verify(final Path journal, final int iterations)
    {
        final double[] rates = new double[iterations];
        for (int i = -1; i < iterations; i++)
        {
            final OutputVerifier verifier = new OutputVerifier(new ShippedMaps(), Replayer.pathCache(0));
            final long start = System.nanoTime();
            final VerifyReport report = verifier.run(journal, OutputQueue.besideJournal(journal), null);
            final long nanos = System.nanoTime() - start;
            if (!report.identical())
            {
                throw new IllegalStateException("the pipeline's recorded outputs do not verify: " + report);
            }
            if (i >= 0)
            {
                rates[i] = verifier.handler().commands() * 1e9 / nanos;
            }
        }
        return Stats.of(rates);
    }

    /** Counts nothing; remembers the handler thread, as the brief asks (the listener runs on it). */
    static final class CapturingListener implements EngineListener
    {
        volatile Thread thread;

        @Override
        public void onEvent(final CommandEvent cause, final GameEvent event)
        {
        }

        @Override
        public void onOutcome(final CommandEvent cmd)
        {
            if (thread == null)
            {
                thread = Thread.currentThread();
            }
        }
    }
}
