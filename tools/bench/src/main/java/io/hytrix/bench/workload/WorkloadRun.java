package io.hytrix.bench.workload;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.journal.JournalConfig;
import io.hytrix.service.Node;
import io.hytrix.service.NodeSettings;
import io.hytrix.service.SnapshotSettings;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs the seed's scenario in-process: the built-in matchmaker publishes its command sequence
 * into the pipeline at a fixed offered rate, one tick window at a time (the tick is the
 * scenario's clock), with every command stamped with the time it was meant to be sent.
 */
public final class WorkloadRun
{
    /** The shipped maps hunts are spread over: the real Moving AI maps up to 281x209, plus our own plaza. */
    public static final String[] MAPS = { "arena", "den312d", "lak303d", "arena2", "plaza" };

    private static final long SPIN_NANOS = 120_000;

    private WorkloadRun()
    {
    }

    public static WorkloadResult run(final WorkloadSettings settings)
    {
        return run(settings, new OutcomeRecorder());
    }

    /** As {@link #run(WorkloadSettings)}, recording outcomes with the given recorder (the bench's warm-up and allocation sampling). */
    public static WorkloadResult run(final WorkloadSettings settings, final OutcomeRecorder recorder)
    {
        final ShippedMaps scriptMaps = new ShippedMaps();
        final GridMap[] maps = new GridMap[MAPS.length];
        for (int i = 0; i < MAPS.length; i++)
        {
            maps[i] = scriptMaps.require(MAPS[i]);
        }
        final MatchmakerScript script = new MatchmakerScript(settings.seed(), settings.actors(), settings.actorsPerHunt(),
            settings.huntDurationTicks(), settings.commandsPerWindow(), maps);

        final NodeSettings node = new NodeSettings(
            JournalConfig.in(settings.journal())
                .withMode(settings.appendJournal() ? JournalConfig.Mode.APPEND : JournalConfig.Mode.FRESH),
            settings.outputs(), SnapshotSettings.NONE, settings.pipeline(), 0, null, // the script posts its own ticks
            NodeSettings.DEFAULT_MIN_FREE_DISK_BYTES);
        final long started;
        final long published;
        final Node running = Node.start(node, recorder);
        try
        {
            started = System.nanoTime();
            published = drive(script, settings, running, started);
        }
        finally
        {
            running.stop();
        }
        final long elapsed = System.nanoTime() - started;
        final GameHandler handler = running.handler();
        final PathCache paths = running.paths();
        return new WorkloadResult(settings, handler.stateHash(), handler.commands(), handler.events(), published,
            elapsed, recorder, paths.hits(), paths.misses(), paths.evictions(), script.hunts());
    }

    private static long drive(final MatchmakerScript script, final WorkloadSettings settings, final Node node,
        final long start)
    {
        final CommandEvent template = new CommandEvent();
        final long period = 1_000_000_000L / settings.tickHz();
        final long windows = (long)settings.seconds() * settings.tickHz();
        final int perWindow = script.commandsPerWindow();
        long window = 0;
        long windowStart = start;
        int inWindow = 0;
        long published = 0;
        while (true)
        {
            script.next(template);
            final long intended;
            if (template.type == CommandType.TICK)
            {
                if (++window > windows)
                {
                    return published;
                }
                windowStart = start + window * period;
                inWindow = 0;
                intended = windowStart;
            }
            else if (template.type == CommandType.CREATE_HUNT || template.type == CommandType.JOIN_HUNT)
            {
                intended = Math.max(windowStart, System.nanoTime()); // set-up burst: sent as fast as it goes
            }
            else
            {
                intended = windowStart + (++inWindow) * period / (perWindow + 1);
            }
            waitUntil(intended);
            template.intendedNanos = intended;
            node.publish(template);
            published++;
        }
    }

    /**
     * Parks until shortly before the deadline, then spins: parkNanos alone wakes 50-100 us late,
     * and that lateness would be charged to the engine as latency from the intended send time.
     */
    private static void waitUntil(final long deadline)
    {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > SPIN_NANOS)
        {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
        }
        while (deadline - System.nanoTime() > 0)
        {
            Thread.onSpinWait();
        }
    }
}
