package io.hytrix.engine.pipeline;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A lost wake-up shows as a pipeline that stops applying, so these tests publish with random pauses
 * (consumers go to sleep and are woken thousands of times) and stop pipelines whose consumers are
 * asleep, all under a timeout.
 */
class CountedBlockingWaitStrategyTest
{
    private static final GridMap OPEN = new GridMap("open", 4, 4, filled(16));

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void consumersPutToSleepThousandsOfTimesWakeForEveryCommand(final ThreadLayout layout)
    {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        {
            final Counting journal = new Counting();
            final GameHandler handler = handler();
            final Pipeline pipeline = new Pipeline(PipelineConfig.defaults().withRingSize(1024)
                .withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING).withLayout(layout), journal, handler).start();
            final CommandEvent template = new CommandEvent();
            final SplittableRandom random = new SplittableRandom(42);
            final int commands = 100_000;
            for (int i = 0; i < commands; i++)
            {
                pipeline.publish(template.tick(i));
                if (random.nextInt(50) == 0)
                {
                    LockSupport.parkNanos(random.nextInt(50_000)); // long enough for the consumers to block
                }
            }
            // Every command must be applied without anything more being published.
            final long deadline = System.nanoTime() + 20_000_000_000L;
            while (handler.commands() < commands && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            assertThat(handler.commands()).isEqualTo(commands);
            pipeline.close();
            assertThat(journal.appended).isEqualTo(commands);
        });
    }

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void closingWakesConsumersThatAreAsleep(final ThreadLayout layout)
    {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        {
            for (int round = 0; round < 20; round++)
            {
                final GameHandler handler = handler();
                final Pipeline pipeline = new Pipeline(PipelineConfig.defaults().withRingSize(64)
                    .withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING).withLayout(layout), new Counting(), handler).start();
                if (round % 2 == 1)
                {
                    pipeline.publish(new CommandEvent().tick(1));
                }
                Thread.sleep(5); // the consumers block
                pipeline.close();
                assertThat(handler.commands()).isEqualTo(round % 2);
            }
        });
    }

    private static GameHandler handler()
    {
        return new GameHandler((name, length) -> OPEN, new PathCache(8, 256, new AStarPathfinder()), EngineListener.NONE);
    }

    private static boolean[] filled(final int n)
    {
        final boolean[] cells = new boolean[n];
        java.util.Arrays.fill(cells, true);
        return cells;
    }

    /** Counts appends; the journal thread is the only writer, the test reads after close. */
    private static final class Counting implements CommandJournal
    {
        volatile long appended;

        @Override
        public long append(final CommandEvent cmd)
        {
            return appended++;
        }

        @Override
        public long nextIndex()
        {
            return appended;
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
