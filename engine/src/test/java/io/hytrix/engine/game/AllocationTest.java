package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steady state allocates nothing: the handler allocates nothing per command once warm. An allocation check, not a timing one.
 * Three windows of 100k commands are measured: a per-command allocation would show in every window as
 * at least 100 kB, while the JIT may, once, materialise a few scalar-replaced bytes when it deoptimises
 * a method (seen: 64 bytes in one window). So one window must be exactly zero and none may reach 1 KiB.
 */
class AllocationTest
{
    private static final int WARM_UP = 60_000;
    private static final int MEASURED = 100_000;
    private static final int WINDOWS = 3;

    @Test
    void theHandlerAllocatesNothingInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Map<String, GridMap> maps = DeterminismTest.realMaps();
        final DeterminismTest.Run listener = new DeterminismTest.Run();
        final GameHandler handler = new GameHandler((name, length) -> maps.get(new String(name, 0, length)),
            PathCache.ofBudget(16L << 20, new AStarPathfinder()), listener);
        final MatchmakerScript script = DeterminismTest.script(7, maps);

        // Commands are generated up front so the measurement sees the handler alone.
        final CommandEvent[] commands = new CommandEvent[WARM_UP + WINDOWS * MEASURED];
        for (int i = 0; i < commands.length; i++)
        {
            commands[i] = new CommandEvent();
            script.next(commands[i]);
        }
        for (int i = 0; i < WARM_UP; i++)
        {
            handler.apply(commands[i]);
        }
        final long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread); // the first call may allocate
        final long[] allocated = new long[WINDOWS];
        for (int w = 0; w < WINDOWS; w++)
        {
            final long eventsBefore = listener.events;
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = WARM_UP + w * MEASURED; i < WARM_UP + (w + 1) * MEASURED; i++)
            {
                handler.apply(commands[i]);
            }
            allocated[w] = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(listener.events - eventsBefore).isGreaterThan(MEASURED / 2);
        }

        assertThat(allocated).as("bytes allocated per window of %d commands", MEASURED)
            .contains(0L);
        assertThat(java.util.Arrays.stream(allocated).max().getAsLong()).isLessThan(1024);
    }
}
