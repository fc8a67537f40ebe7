package io.hytrix.bench;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.bench.workload.WorkloadRun;

/**
 * (h) What one production checksum holds the handler for: {@link SubsystemHashes} over the scenario's
 * state (its actors in hunts of 100 on the scenario maps, the idempotency window filled by the same
 * matchmaker commands), computed on this thread.
 */
final class ChecksumBench
{
    /** Sinks the hashes so the computation cannot be optimised away. */
    private static long sink;

    private ChecksumBench()
    {
    }

    record Result(Stats stats, int actors, int windowEntries)
    {
        double microsPerChecksum()
        {
            return 1e6 / stats.median();
        }
    }

    static Result run(final int actors, final long stateCommands, final int checksums, final int warmups,
        final int iterations) throws Exception
    {
        final ShippedMaps maps = new ShippedMaps();
        final GridMap[] grids = new GridMap[WorkloadRun.MAPS.length];
        for (int i = 0; i < grids.length; i++)
        {
            grids[i] = maps.require(WorkloadRun.MAPS[i]);
        }
        final MatchmakerScript script = new MatchmakerScript(1, actors, 100, 300, Math.max(1, actors * 4 / 10), grids);
        final GameHandler handler = new GameHandler(maps, Replayer.pathCache(0), EngineListener.NONE);
        final CommandEvent cmd = new CommandEvent();
        for (long i = 0; i < stateCommands; i++)
        {
            script.next(cmd);
            cmd.journalIndex = i;
            handler.apply(cmd);
        }
        final SubsystemHashes hashes = new SubsystemHashes();
        final Stats stats = Stats.measure(warmups, iterations, checksums, () ->
        {
            final long start = System.nanoTime();
            for (int i = 0; i < checksums; i++)
            {
                sink += hashes.compute(handler.state(), handler.idempotencyWindow()).value(Subsystem.HUNTS);
            }
            return System.nanoTime() - start;
        });
        return new Result(stats, handler.state().actorCount(), handler.idempotencyWindow().size());
    }
}
