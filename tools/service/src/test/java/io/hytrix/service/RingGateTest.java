package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.pipeline.Pipeline;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.replay.Replayer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate in front of the command ring, on a real {@link Pipeline} that is not started yet: with no
 * consumer running, nothing frees a slot, so "full" is exact and what was admitted can be read back
 * in ring order from the journal once the pipeline is started and drained.
 */
class RingGateTest
{
    private final Journal journal = new Journal();

    @Test
    void aBatchThatFitsIsPublishedWholeInOrder()
    {
        final Pipeline pipeline = pipeline(8);
        final RingGate gate = new RingGate(pipeline);

        assertThat(gate.ringSize()).isEqualTo(8);
        assertThat(gate.publishAll(ticks(1, 5), 3)).isEqualTo(RingGate.Result.PUBLISHED);
        assertThat(gate.remainingCapacity()).as("only the first count templates go in").isEqualTo(5);

        assertThat(drain(pipeline)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aBatchLargerThanTheRoomLeftIsRefusedWithoutPublishingAnyOfIt()
    {
        final Pipeline pipeline = pipeline(8);
        final RingGate gate = new RingGate(pipeline);
        assertThat(gate.publishAll(ticks(1, 5), 5)).isEqualTo(RingGate.Result.PUBLISHED);

        assertThat(gate.publishAll(ticks(100, 4), 4)).isEqualTo(RingGate.Result.FULL);
        assertThat(gate.remainingCapacity()).as("all or nothing").isEqualTo(3);
        assertThat(gate.publishAll(ticks(10, 3), 3)).as("exactly the room left").isEqualTo(RingGate.Result.PUBLISHED);
        assertThat(gate.remainingCapacity()).isZero();
        assertThat(gate.publish(new CommandEvent().tick(99))).isEqualTo(RingGate.Result.FULL);
        assertThat(gate.publishAll(ticks(200, 1), 1)).isEqualTo(RingGate.Result.FULL);

        assertThat(drain(pipeline)).containsExactly(1L, 2L, 3L, 4L, 5L, 10L, 11L, 12L);
    }

    @Test
    void aSingleCommandIsRefusedOnlyWhenNoSlotIsFree()
    {
        final Pipeline pipeline = pipeline(4);
        final RingGate gate = new RingGate(pipeline);
        for (int i = 0; i < 4; i++)
        {
            assertThat(gate.publish(new CommandEvent().tick(i))).as("slot %d", i).isEqualTo(RingGate.Result.PUBLISHED);
        }
        assertThat(gate.publish(new CommandEvent().tick(4))).isEqualTo(RingGate.Result.FULL);

        assertThat(drain(pipeline)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void afterCloseNothingIsPublishedEvenWithRoomAndClosedWinsOverFull()
    {
        final Pipeline pipeline = pipeline(4);
        final RingGate gate = new RingGate(pipeline);
        assertThat(gate.publish(new CommandEvent().tick(1))).isEqualTo(RingGate.Result.PUBLISHED);
        gate.close();

        assertThat(gate.publish(new CommandEvent().tick(2))).isEqualTo(RingGate.Result.CLOSED);
        assertThat(gate.publishAll(ticks(3, 2), 2)).isEqualTo(RingGate.Result.CLOSED);
        // A request too large for the room left is still "closed", so a stopping service says so (not "overloaded").
        assertThat(gate.publishAll(ticks(10, 4), 4)).isEqualTo(RingGate.Result.CLOSED);
        assertThat(gate.remainingCapacity()).isEqualTo(3);

        assertThat(drain(pipeline)).containsExactly(1L);
    }

    /**
     * Several producers racing batches into one ring: every admitted batch lands in consecutive
     * slots (the check and the publishes are one step), and the ring ends full to within less than
     * one batch, with nothing published twice or lost.
     */
    @Test
    void concurrentBatchesAreNeverInterleavedAndFillTheRing() throws Exception
    {
        final int producers = 4;
        final int batch = 5;
        final Pipeline pipeline = pipeline(1024);
        final RingGate gate = new RingGate(pipeline);
        final CountDownLatch go = new CountDownLatch(1);
        final ExecutorService threads = Executors.newFixedThreadPool(producers);
        final List<Future<Integer>> admitted = new ArrayList<>();
        try
        {
            for (int p = 0; p < producers; p++)
            {
                final int producer = p;
                admitted.add(threads.submit(() ->
                {
                    go.await();
                    int batches = 0;
                    while (true)
                    {
                        // cmdId: producer, batch number, position in the batch.
                        final long base = (producer + 1) * 1_000_000L + batches * 10L;
                        final RingGate.Result result = gate.publishAll(ticks(base, batch), batch);
                        if (result == RingGate.Result.FULL)
                        {
                            return batches;
                        }
                        batches++;
                    }
                }));
            }
            go.countDown();
            int batches = 0;
            for (final Future<Integer> f : admitted)
            {
                batches += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(batches * batch).isEqualTo(1024 - gate.remainingCapacity());
            assertThat(gate.remainingCapacity()).isLessThan(batch);

            final List<Long> ids = drain(pipeline);
            assertThat(ids).hasSize(batches * batch).doesNotHaveDuplicates();
            for (int i = 0; i < ids.size(); i += batch)
            {
                final long first = ids.get(i);
                assertThat(first % 10).as("a batch starts at its first command, at slot %d", i).isZero();
                for (int k = 1; k < batch; k++)
                {
                    assertThat(ids.get(i + k)).as("slot %d continues the batch begun at slot %d", i + k, i).isEqualTo(first + k);
                }
            }
        }
        finally
        {
            threads.shutdownNow();
        }
    }

    @Test
    void whileTheJournalRefusesAppendsCommandsAreRefusedAndQueriesStillPass()
    {
        final Pipeline pipeline = pipeline(8);
        final RingGate gate = new RingGate(pipeline);
        pipeline.journalHealth().spaceLow("disk below the watermark");

        assertThat(gate.publishAll(ticks(1, 2), 2)).isEqualTo(RingGate.Result.JOURNAL_DOWN);
        assertThat(gate.publish(new CommandEvent().tick(3))).isEqualTo(RingGate.Result.JOURNAL_DOWN);
        assertThat(gate.journalDownReason()).isEqualTo("disk below the watermark");
        final CommandEvent query = new CommandEvent();
        query.query(io.hytrix.engine.command.Query.STATE, 0, 0);
        assertThat(gate.publish(query)).as("reads are not journaled, so they still pass").isEqualTo(RingGate.Result.PUBLISHED);
        assertThat(gate.remainingCapacity()).isEqualTo(7);

        pipeline.journalHealth().spaceOk();
        assertThat(gate.journalDownReason()).isEmpty();
        assertThat(gate.publishAll(ticks(10, 2), 2)).isEqualTo(RingGate.Result.PUBLISHED);
        assertThat(drain(pipeline)).as("nothing refused reached the journal").containsExactly(10L, 11L);
    }

    private Pipeline pipeline(final int ringSize)
    {
        return unstarted(ringSize, journal);
    }

    /** A pipeline that journals into {@code journal} and applies to a handler with no maps; not started. */
    static Pipeline unstarted(final int ringSize, final CommandJournal journal)
    {
        final GameHandler handler = new GameHandler((name, length) -> null, Replayer.pathCache(0), EngineListener.NONE);
        return new Pipeline(PipelineConfig.defaults().withRingSize(ringSize), journal, handler);
    }

    /** Starts the pipeline, lets it apply everything admitted, and returns the cmdIds in journal (ring) order. */
    private List<Long> drain(final Pipeline pipeline)
    {
        pipeline.start().close();
        return journal.cmdIds;
    }

    /** {@code n} tick templates with cmdIds {@code first, first + 1, ...}. */
    private static CommandEvent[] ticks(final long first, final int n)
    {
        final CommandEvent[] templates = new CommandEvent[n];
        for (int i = 0; i < n; i++)
        {
            templates[i] = new CommandEvent().tick(first + i);
        }
        return templates;
    }

    /** Records what the journal stage appended, in order. */
    static final class Journal implements CommandJournal
    {
        final List<Long> cmdIds = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long append(final CommandEvent cmd)
        {
            cmdIds.add(cmd.cmdId);
            return cmdIds.size() - 1;
        }

        @Override
        public long nextIndex()
        {
            return cmdIds.size();
        }

        @Override
        public long bytesAppended()
        {
            return 0; // nothing is encoded
        }

        @Override
        public void close()
        {
        }
    }
}
