package io.hytrix.bench.workload;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.FanOut;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.PathCache;
import io.hytrix.bench.players.PlayerFeedback;
import io.hytrix.bench.players.Players;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.journal.JournalConfig;
import io.hytrix.service.Node;
import io.hytrix.service.NodeSettings;
import io.hytrix.service.SnapshotSettings;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the seed's scenario in-process: simulated {@link Players} fill a fixed offered schedule of
 * command slots, one tick window at a time (the tick is the scenario's clock), with every command
 * stamped with the time it was meant to be sent, so latency stays corrected for coordinated omission.
 * The players hear their outcomes and events through {@link PlayerFeedback}. Each window starts with
 * its tick; before the window's first action the driver waits until every earlier command's outcome is
 * in and feeds them to the players, so what they send depends only on the seed and on outcomes, never
 * on thread timing: a run is reproducible command for command. A slot no player needs stays empty.
 */
public final class WorkloadRun
{
    /** The shipped maps hunts are spread over: the real Moving AI maps up to 281x209, plus our own plaza. */
    public static final String[] MAPS = { "arena", "den312d", "lak303d", "arena2", "plaza" };

    private static final long SPIN_NANOS = 120_000;
    private static final long TICK_IDS = 1L << 62;

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
        final Players players = new Players(settings.seed(), settings.actors(), settings.actorsPerHunt(),
            settings.treasuresPerHunt(), settings.huntDurationTicks(), 0, maps);
        final PlayerFeedback feedback = new PlayerFeedback();

        final NodeSettings node = new NodeSettings(
            JournalConfig.in(settings.journal())
                .withMode(settings.appendJournal() ? JournalConfig.Mode.APPEND : JournalConfig.Mode.FRESH),
            settings.outputs(), SnapshotSettings.NONE, settings.pipeline(), 0, null, // the script posts its own ticks
            NodeSettings.DEFAULT_MIN_FREE_DISK_BYTES);
        final long started;
        final long published;
        final Node running = Node.start(node, new FanOut(List.of(recorder, feedback)));
        try
        {
            started = System.nanoTime();
            published = drive(players, feedback, settings, running, started);
        }
        finally
        {
            running.stop();
        }
        final long elapsed = System.nanoTime() - started;
        final GameHandler handler = running.handler();
        final PathCache paths = running.paths();
        return new WorkloadResult(settings, handler.stateHash(), handler.commands(), handler.events(), published,
            elapsed, recorder, paths.hits(), paths.misses(), paths.evictions(), players.hunts());
    }

    private static long drive(final Players players, final PlayerFeedback feedback, final WorkloadSettings settings,
        final Node node, final long start)
    {
        final CommandEvent cmd = new CommandEvent();
        final long period = 1_000_000_000L / settings.tickHz();
        final long windows = (long)settings.seconds() * settings.tickHz();
        final int perWindow = settings.commandsPerWindow();
        long published = 0;
        for (long window = 1; window <= windows; window++)
        {
            final long windowStart = start + window * period;
            waitUntil(windowStart);
            cmd.tick(TICK_IDS + window); // apart from the players' ids
            cmd.intendedNanos = windowStart;
            node.publish(cmd);
            published++;
            // Everything so far, this tick's arrivals and completions included, reaches the players first.
            while (feedback.outcomes() < published)
            {
                feedback.drainTo(players);
                Thread.onSpinWait();
            }
            feedback.drainTo(players);
            players.tick(window);
            for (int slot = 1; slot <= perWindow; slot++)
            {
                if (!players.next(cmd))
                {
                    break; // every player is waiting for a tick or an outcome
                }
                final long intended = windowStart + slot * period / (perWindow + 1);
                waitUntil(intended);
                cmd.intendedNanos = intended;
                node.publish(cmd);
                published++;
            }
        }
        return published;
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
