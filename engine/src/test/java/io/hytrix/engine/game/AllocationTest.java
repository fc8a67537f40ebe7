package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.load.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3.4: the handler allocates nothing per command once warm. An allocation check, not a timing one. */
class AllocationTest
{
    private static final int WARM_UP = 60_000;
    private static final int MEASURED = 120_000;

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
        final CommandEvent[] commands = new CommandEvent[WARM_UP + MEASURED];
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
        final long before = threads.getThreadAllocatedBytes(thread);
        for (int i = WARM_UP; i < commands.length; i++)
        {
            handler.apply(commands[i]);
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(listener.events).isGreaterThan(MEASURED);
        assertThat(allocated).as("bytes allocated by %d commands", MEASURED).isZero();
    }
}
