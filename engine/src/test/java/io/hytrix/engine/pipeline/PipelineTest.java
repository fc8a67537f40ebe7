package io.hytrix.engine.pipeline;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.StateView;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest
{
    private static final GridMap OPEN = new GridMap("open", 4, 4, filled(16));

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void everyCommandIsJournaledBeforeItIsAppliedAndQueriesAreNot(final ThreadLayout layout)
    {
        final RecordingJournal journal = new RecordingJournal(-1);
        final Outcomes outcomes = new Outcomes(journal);
        final GameHandler handler = handler(outcomes);
        final Pipeline pipeline = start(journal, handler, 64, layout);
        final CommandEvent template = new CommandEvent();
        pipeline.publish(template.createHunt(1, 1, "open", 3, 2, 1000, 10));
        for (int i = 0; i < 500; i++)
        {
            pipeline.publish(template.joinHunt(10 + i, 1, i % 10));
            pipeline.publish(template.query(Query.STATE, 0, 0));
        }
        pipeline.close();

        assertThat(journal.appended).hasSize(501);
        assertThat(outcomes.outcomes).hasSize(501);
        assertThat(outcomes.queries.get()).isEqualTo(500);
        assertThat(outcomes.violations).isEmpty();
        for (int i = 0; i < 501; i++)
        {
            assertThat(outcomes.outcomes.get(i)).isEqualTo(i); // dense journal indexes, in order
        }
        assertThat(handler.commands()).isEqualTo(501);
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void withAForcingJournalEachBatchIsForcedOnceBeforeAnyOfItIsApplied(final ThreadLayout layout)
    {
        final RecordingJournal journal = new RecordingJournal(-1, true, false);
        final Outcomes outcomes = new Outcomes(journal);
        final GameHandler handler = handler(outcomes);
        final Pipeline pipeline = start(journal, handler, 256, layout);
        final CommandEvent template = new CommandEvent();
        pipeline.publish(template.createHunt(1, 1, "open", 3, 2, 1000, 10));
        for (int i = 0; i < 2000; i++)
        {
            pipeline.publish(template.joinHunt(10 + i, 1, i % 10));
            if (i % 100 == 0)
            {
                pipeline.publish(template.query(Query.STATE, 0, 0));
            }
        }
        pipeline.close();

        assertThat(outcomes.violations).isEmpty();
        assertThat(outcomes.outcomes).hasSize(2001);
        assertThat(outcomes.queries.get()).isEqualTo(20);
        for (int i = 0; i < 2001; i++)
        {
            assertThat(outcomes.outcomes.get(i)).isEqualTo(i); // applied in journal order
        }
        assertThat(journal.committed).isEqualTo(2001);
        assertThat(journal.commits).as("batches, not commands").isBetween(1, 2001);
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void aFailedForceIsLoggedAndTheBatchIsStillAppliedAsJournaled(final ThreadLayout layout)
    {
        final RecordingJournal journal = new RecordingJournal(-1, true, true);
        final Outcomes outcomes = new Outcomes(journal);
        final GameHandler handler = handler(outcomes);
        final Pipeline pipeline = start(journal, handler, 8, layout);
        final CommandEvent template = new CommandEvent();
        for (int i = 1; i <= 20; i++)
        {
            pipeline.publish(template.createHunt(i, i, "open", 3, 2, 1000, 10));
        }
        pipeline.close();
        assertThat(journal.commits).isPositive();
        assertThat(outcomes.results).hasSize(20).containsOnly(ResultCode.ACCEPTED);
        assertThat(handler.commands()).isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void aCommandTheJournalRefusesIsRejectedUnapplied(final ThreadLayout layout)
    {
        final RecordingJournal journal = new RecordingJournal(1); // the second append fails
        final Outcomes outcomes = new Outcomes(journal);
        final GameHandler handler = handler(outcomes);
        final Pipeline pipeline = start(journal, handler, 8, layout);
        final CommandEvent template = new CommandEvent();
        pipeline.publish(template.createHunt(1, 1, "open", 3, 2, 1000, 10));
        pipeline.publish(template.createHunt(2, 2, "open", 3, 2, 1000, 10));
        pipeline.publish(template.createHunt(3, 3, "open", 3, 2, 1000, 10));
        pipeline.close();

        assertThat(outcomes.results).containsExactly(ResultCode.ACCEPTED, ResultCode.JOURNAL_UNAVAILABLE, ResultCode.ACCEPTED);
        assertThat(handler.state().hunt(2)).isNull();
        assertThat(handler.state().hunt(3)).isNotNull();
        assertThat(handler.commands()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void anErrorFromTheJournalAsOnAFullDiskIsRefusedUnappliedAndTheJournalMarkedDown(final ThreadLayout layout)
    {
        // A write into a mapped page the file system cannot back throws this Error, not an exception.
        final RecordingJournal journal = new RecordingJournal(1, new InternalError("a fault occurred in an unsafe memory access operation"));
        final Outcomes outcomes = new Outcomes(journal);
        final GameHandler handler = handler(outcomes);
        final Pipeline pipeline = start(journal, handler, 8, layout);
        final CommandEvent template = new CommandEvent();
        pipeline.publish(template.createHunt(1, 1, "open", 3, 2, 1000, 10));
        pipeline.publish(template.createHunt(2, 2, "open", 3, 2, 1000, 10));
        awaitOutcomes(outcomes, 2);
        final JournalHealth health = pipeline.journalHealth();
        assertThat(health.down()).isTrue();
        assertThat(health.reason()).contains("could not back a mapped page");
        assertThat(health.failures()).isEqualTo(1);
        assertThat(health.admits(System.nanoTime())).as("writes are refused right after a failure").isFalse();
        assertThat(health.admits(System.nanoTime() + JournalHealth.PROBE_EVERY_NANOS)).as("and probed a second later").isTrue();

        pipeline.publish(template.createHunt(3, 3, "open", 3, 2, 1000, 10));
        pipeline.close();
        assertThat(outcomes.results).containsExactly(ResultCode.ACCEPTED, ResultCode.JOURNAL_UNAVAILABLE, ResultCode.ACCEPTED);
        assertThat(outcomes.violations).isEmpty();
        assertThat(handler.state().hunt(2)).isNull();
        assertThat(health.down()).as("an append that works brings the journal back").isFalse();
        assertThat(health.reason()).isEmpty();
    }

    private static void awaitOutcomes(final Outcomes outcomes, final int count)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (outcomes.results.size() < count && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertThat(outcomes.results).hasSize(count);
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void aListenerThatThrowsDoesNotStopTheEngine(final ThreadLayout layout)
    {
        final RecordingJournal journal = new RecordingJournal(-1);
        final List<Long> answered = new ArrayList<>();
        final EngineListener flaky = new EngineListener()
        {
            @Override
            public void onEvent(final CommandEvent cause, final GameEvent event)
            {
            }

            @Override
            public void onOutcome(final CommandEvent cmd)
            {
                if (cmd.cmdId == 2)
                {
                    throw new IllegalStateException("client went away");
                }
                answered.add(cmd.cmdId);
            }
        };
        final GameHandler handler = new GameHandler((name, length) -> OPEN, new PathCache(8, 256, new AStarPathfinder()),
            flaky);
        final Pipeline pipeline = new Pipeline(PipelineConfig.defaults().withRingSize(8).withLayout(layout), journal, handler)
            .start();
        final CommandEvent template = new CommandEvent();
        for (int i = 1; i <= 20; i++)
        {
            pipeline.publish(template.createHunt(i, i, "open", 3, 2, 1000, 10));
        }
        pipeline.close();
        assertThat(answered).hasSize(19).doesNotContain(2L);
        assertThat(handler.commands()).isEqualTo(20);
    }

    private static GameHandler handler(final EngineListener listener)
    {
        return new GameHandler((name, length) -> OPEN, new PathCache(8, 256, new AStarPathfinder()), listener);
    }

    /** A started pipeline with blocking waits: the strategy every other one is compared with. */
    private static Pipeline start(final CommandJournal journal, final GameHandler handler, final int ringSize,
        final ThreadLayout layout)
    {
        return new Pipeline(PipelineConfig.defaults().withRingSize(ringSize).withWaitStrategy(WaitStrategyName.BLOCKING)
            .withLayout(layout), journal, handler).start();
    }

    private static boolean[] filled(final int n)
    {
        final boolean[] cells = new boolean[n];
        java.util.Arrays.fill(cells, true);
        return cells;
    }

    /**
     * Remembers what was appended; fails the append with the given ordinal, if any. A forcing one
     * also counts commits and how many entries the last commit covered; it can fail every commit.
     */
    private static final class RecordingJournal implements CommandJournal
    {
        final List<Long> appended = new ArrayList<>();
        private final int failAt;
        private final Throwable failure;
        private final boolean forces;
        private final boolean commitFails;
        private int calls;
        int commits;
        int committed;

        RecordingJournal(final int failAt)
        {
            this(failAt, false, false);
        }

        RecordingJournal(final int failAt, final Throwable failure)
        {
            this.failAt = failAt;
            this.failure = failure;
            this.forces = false;
            this.commitFails = false;
        }

        RecordingJournal(final int failAt, final boolean forces, final boolean commitFails)
        {
            this.failAt = failAt;
            this.failure = new IllegalStateException("disk full");
            this.forces = forces;
            this.commitFails = commitFails;
        }

        @Override
        public synchronized void commit()
        {
            if (!forces)
            {
                return;
            }
            commits++;
            if (commitFails)
            {
                throw new IllegalStateException("EIO");
            }
            committed = appended.size();
        }

        @Override
        public boolean forcesOnCommit()
        {
            return forces;
        }

        @Override
        public synchronized long append(final CommandEvent cmd)
        {
            if (calls++ == failAt)
            {
                if (failure instanceof Error)
                {
                    throw (Error)failure;
                }
                throw (RuntimeException)failure;
            }
            appended.add(cmd.cmdId);
            return appended.size() - 1;
        }

        @Override
        public synchronized long nextIndex()
        {
            return appended.size();
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

    /** Checks, as each outcome arrives, that the journal already holds the command. */
    private static final class Outcomes implements EngineListener
    {
        final List<Long> outcomes = new ArrayList<>();
        final List<ResultCode> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> violations = new ArrayList<>();
        final AtomicLong queries = new AtomicLong();
        private final RecordingJournal journal;

        Outcomes(final RecordingJournal journal)
        {
            this.journal = journal;
        }

        @Override
        public void onEvent(final CommandEvent cause, final GameEvent event)
        {
        }

        @Override
        public void onOutcome(final CommandEvent cmd)
        {
            results.add(cmd.result);
            if (cmd.journalFailed)
            {
                return;
            }
            outcomes.add(cmd.journalIndex);
            synchronized (journal)
            {
                if (cmd.journalIndex >= journal.appended.size() || journal.appended.get((int)cmd.journalIndex) != cmd.cmdId)
                {
                    violations.add("cmdId " + cmd.cmdId + " applied before it was journaled");
                }
                if (journal.forces && !journal.commitFails && cmd.journalIndex >= journal.committed)
                {
                    violations.add("cmdId " + cmd.cmdId + " applied before a commit forced it");
                }
            }
        }

        @Override
        public void onQuery(final CommandEvent query, final StateView view)
        {
            queries.incrementAndGet();
        }
    }
}
