package io.hytrix.engine.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.game.GameHandler;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wiring, stage by stage, as in the architecture diagram:
 * <pre>
 *   producers (gateway, clock, generator) --publish--> [ring of CommandEvent]
 *   1. journalling (J): append to the journal, stamp journalIndex
 *   2. business logic (BL): GameHandler applies it, gated on J's sequence; outcomes and events
 *      leave through the handler's EngineListener
 * </pre>
 * With {@link ThreadLayout#COMPOSED} stages 1 and 2 run in that order on one thread.
 */
public final class Pipeline implements AutoCloseable
{
    /** Copies a producer's template into the slot; static and non-capturing so publishing allocates nothing. */
    private static final EventTranslatorOneArg<CommandEvent, CommandEvent> COPY =
        (slot, sequence, template) -> slot.copyCommandFrom(template);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pipeline.class);
    private static final long STALL_NANOS = 10_000_000_000L;

    private final Disruptor<CommandEvent> disruptor;
    private final RingBuffer<CommandEvent> ring;
    private final GameHandler handler;
    private final JournalHealth journalHealth = new JournalHealth();

    public Pipeline(final PipelineConfig config, final CommandJournal journal, final GameHandler handler)
    {
        this.handler = handler;
        this.disruptor = new Disruptor<>(CommandEvent::new, config.ringSize(), new NamedThreads(),
            ProducerType.MULTI, config.waitStrategy().create());
        final JournalStage journalStage = new JournalStage(journal, journalHealth);
        if (config.layout() == ThreadLayout.SPLIT)
        {
            disruptor.handleEventsWith(journalStage).then(handler);
        }
        else
        {
            disruptor.handleEventsWith(new ComposedStage(journalStage, handler, disruptor.getRingBuffer()));
        }
        disruptor.setDefaultExceptionHandler(new StageExceptionHandler(null));
        if (config.layout() == ThreadLayout.SPLIT)
        {
            disruptor.handleExceptionsFor(journalStage).with(new StageExceptionHandler(journalHealth));
        }
        this.ring = disruptor.getRingBuffer();
    }

    public Pipeline start()
    {
        disruptor.start();
        return this;
    }

    /** Publishes a copy of {@code template}, waiting for a free slot if the ring is full. */
    public void publish(final CommandEvent template)
    {
        ring.publishEvent(COPY, template);
    }

    /** Publishes a copy of {@code template} if a slot is free; false means back off (the ring is full). */
    public boolean tryPublish(final CommandEvent template)
    {
        return ring.tryPublishEvent(COPY, template);
    }

    /** Whether the journal takes appends (written by the journalling stage, readable anywhere). */
    public JournalHealth journalHealth()
    {
        return journalHealth;
    }

    public long remainingCapacity()
    {
        return ring.remainingCapacity();
    }

    public int ringSize()
    {
        return ring.getBufferSize();
    }

    /** The handler; read its state only after {@link #close()} returned. */
    public GameHandler handler()
    {
        return handler;
    }

    /** Waits until every published command is journaled and applied, then stops the threads. */
    @Override
    public void close()
    {
        // Disruptor.shutdown() ignores stages whose threads have not started yet, so right after
        // start() it could halt with commands unapplied; wait on the last stage's sequence first,
        // for as long as it keeps moving (a stage that makes no progress for 10 s is stuck).
        final long published = ring.getCursor();
        long seen = ring.getMinimumGatingSequence();
        long lastProgress = System.nanoTime();
        while (seen < published)
        {
            Thread.yield();
            final long now = ring.getMinimumGatingSequence();
            if (now != seen)
            {
                seen = now;
                lastProgress = System.nanoTime();
            }
            else if (System.nanoTime() - lastProgress > STALL_NANOS)
            {
                LOG.error("the pipeline made no progress for 10 s with {} commands unapplied; halting it", published - seen);
                break;
            }
        }
        disruptor.halt();
    }

    private static final class NamedThreads implements ThreadFactory
    {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable task)
        {
            final Thread thread = new Thread(task, "hytrix-stage-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
