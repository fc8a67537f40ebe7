package io.hytrix.engine.workload;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.util.SplitMix64;

/**
 * A fixed, open-loop command stream: the same seed gives the same commands whatever the outcomes,
 * which is what the handler-only benchmarks (the bench's {@code CommandMix}, checksum rows), the crash
 * harness and the engine's determinism, allocation and snapshot tests need: they feed a handler
 * without listening to it. It does not play (it digs blindly and uses random slots); the demo, the
 * workload bench row and the HTTP load generator use the simulated players of {@code tools/bench}
 * ({@code io.hytrix.bench.players.Players}), which react to their outcomes.
 * <p>
 * The stream:
 * Hunts of {@code actorsPerHunt} actors are spread over the given maps; time advances in windows
 * that each start with a {@code tick} followed by {@link #commandsPerWindow()} actor commands.
 * Actors roam between a hunt's waypoints, as players head for landmarks: an idle actor travels to
 * another waypoint (now and then it steps aside and back instead); while it is on its way it digs
 * and uses items. The script never sends a travel before the actor should have arrived, so most
 * travels start on a waypoint and share their path with every other actor on that route: the
 * global path cache at work. When a hunt's time is up it is recreated under a new id and its
 * actors join again. The same seed gives the same sequence, command for command, which makes a
 * demo run reproducible; the caller decides the pacing. Allocation-free after construction.
 */
public final class MatchmakerScript
{
    private static final int WAYPOINTS = 12;
    private static final int TREASURES = 64;

    private final GridMap[] maps;
    private final int actors;
    private final int actorsPerHunt;
    private final int hunts;
    private final int durationTicks;
    private final int commandsPerWindow;
    private final long[] huntIds;
    private final int[] huntMap;
    private final int[] huntEndTick;
    private final int[][] waypoints;
    /** Per actor: the waypoint it was last sent to, or -1 when its tile is unknown (spawn, a step). */
    private final int[] actorWaypoint;
    /** Per actor: the tick by which its current travel should be over. */
    private final int[] actorBusyUntil;
    /** Per actor: the step that brings it back to its waypoint after a side step, or -1. */
    private final byte[] actorReturnStep;
    private long rng;
    private long nextCmdId = 1;
    private long nextHuntId = 1;
    private int tick;
    private int windowRemaining;
    /** Hunt whose (re)creation is being emitted, or -1. */
    private int creating = -1;
    private int joinCursor;

    public MatchmakerScript(final long seed, final int actors, final int actorsPerHunt, final int durationTicks,
        final int commandsPerWindow, final GridMap... maps)
    {
        if (actors < 1 || actorsPerHunt < 1 || durationTicks < 1 || commandsPerWindow < 0 || maps.length == 0)
        {
            throw new IllegalArgumentException("actors, actorsPerHunt, durationTicks must be positive and maps given");
        }
        this.maps = maps.clone();
        this.actors = actors;
        this.actorsPerHunt = actorsPerHunt;
        this.hunts = (actors + actorsPerHunt - 1) / actorsPerHunt;
        this.durationTicks = durationTicks;
        this.commandsPerWindow = commandsPerWindow;
        this.rng = seed;
        this.huntIds = new long[hunts];
        this.huntMap = new int[hunts];
        this.huntEndTick = new int[hunts];
        this.waypoints = new int[hunts][];
        this.actorWaypoint = new int[actors];
        this.actorBusyUntil = new int[actors];
        this.actorReturnStep = new byte[actors];
        for (int h = 0; h < hunts; h++)
        {
            huntMap[h] = h % maps.length;
            huntEndTick[h] = 0; // due now: created before the first window
        }
        // Landmarks belong to a map: every hunt on it, in every generation, roams between the same ones.
        final int[][] landmarks = new int[maps.length][WAYPOINTS];
        for (int m = 0; m < maps.length; m++)
        {
            for (int w = 0; w < WAYPOINTS; w++)
            {
                landmarks[m][w] = randomPassable(maps[m]);
            }
        }
        for (int h = 0; h < hunts; h++)
        {
            waypoints[h] = landmarks[huntMap[h]];
        }
    }

    public int hunts()
    {
        return hunts;
    }

    public int commandsPerWindow()
    {
        return commandsPerWindow;
    }

    /** The logical tick: how many tick commands have been emitted. */
    public int tick()
    {
        return tick;
    }

    /** Writes the next command of the sequence into {@code into}; the sequence never ends. */
    public void next(final CommandEvent into)
    {
        if (creating >= 0 || startDueHunt())
        {
            emitCreation(into);
            return;
        }
        if (windowRemaining == 0)
        {
            into.tick(nextCmdId++);
            tick++;
            windowRemaining = commandsPerWindow;
            return;
        }
        windowRemaining--;
        emitAction(into);
    }

    private boolean startDueHunt()
    {
        for (int h = 0; h < hunts; h++)
        {
            if (huntEndTick[h] <= tick)
            {
                creating = h;
                joinCursor = -1;
                return true;
            }
        }
        return false;
    }

    private void emitCreation(final CommandEvent into)
    {
        final int h = creating;
        if (joinCursor < 0)
        {
            final GridMap map = maps[huntMap[h]];
            huntIds[h] = nextHuntId++;
            huntEndTick[h] = tick + durationTicks;
            into.createHunt(nextCmdId++, huntIds[h], map.name(), random(), TREASURES, durationTicks, actorsPerHunt);
            joinCursor = 0;
            return;
        }
        final int actor = h * actorsPerHunt + joinCursor;
        actorWaypoint[actor] = -1;
        actorBusyUntil[actor] = tick;
        actorReturnStep[actor] = -1;
        into.joinHunt(nextCmdId++, huntIds[h], actor + 1L);
        joinCursor++;
        if (joinCursor == actorsInHunt(h))
        {
            creating = -1;
        }
    }

    private void emitAction(final CommandEvent into)
    {
        final int actor = bounded(actors);
        final int h = actor / actorsPerHunt;
        final long actorId = actor + 1L;
        final int roll = bounded(100);
        if (actorReturnStep[actor] >= 0)
        {
            into.move(nextCmdId++, actorId, Direction.fromId(actorReturnStep[actor]));
            actorReturnStep[actor] = -1;
        }
        else if (tick < actorBusyUntil[actor])
        {
            if (roll < 60)
            {
                into.dig(nextCmdId++, actorId);
            }
            else
            {
                into.useItem(nextCmdId++, actorId, bounded(3));
            }
        }
        else if (roll < 90 || !sideStep(into, actor, h, actorId))
        {
            travel(into, actor, h, actorId);
        }
    }

    /**
     * A step off the waypoint and, as the actor's next command, the step back: both legal by the
     * map, so the actor ends where it was and its next travel still starts on a waypoint.
     */
    private boolean sideStep(final CommandEvent into, final int actor, final int h, final long actorId)
    {
        final int at = actorWaypoint[actor];
        if (at < 0)
        {
            return false;
        }
        final GridMap map = maps[huntMap[h]];
        final Direction dir = Direction.fromId(bounded(8));
        if (!map.canStep(waypoints[h][at], dir.dx(), dir.dy()))
        {
            return false;
        }
        into.move(nextCmdId++, actorId, dir);
        actorReturnStep[actor] = (byte)((dir.id() + 4) % 8);
        return true;
    }

    private void travel(final CommandEvent into, final int actor, final int h, final long actorId)
    {
        final GridMap map = maps[huntMap[h]];
        final int from = actorWaypoint[actor];
        int to = bounded(WAYPOINTS);
        if (to == from)
        {
            to = (to + 1) % WAYPOINTS;
        }
        final int target = waypoints[h][to];
        final int eta;
        if (from < 0)
        {
            eta = (map.width() + map.height()) / 2; // unknown start: a typical distance across the map
        }
        else
        {
            final int source = waypoints[h][from];
            final int dx = Math.abs(map.x(source) - map.x(target));
            final int dy = Math.abs(map.y(source) - map.y(target));
            eta = 2 * Math.max(dx, dy) + 2; // octile distance is at most max(dx,dy)*1.42; walls add detours
        }
        actorWaypoint[actor] = to;
        actorBusyUntil[actor] = tick + eta;
        into.travel(nextCmdId++, actorId, map.x(target), map.y(target));
    }

    private int actorsInHunt(final int h)
    {
        return Math.min(actorsPerHunt, actors - h * actorsPerHunt);
    }

    private int randomPassable(final GridMap map)
    {
        while (true)
        {
            final int tile = bounded(map.tileCount());
            if (map.passableTile(tile))
            {
                return tile;
            }
        }
    }

    private long random()
    {
        rng = SplitMix64.nextState(rng);
        return SplitMix64.mix(rng);
    }

    private int bounded(final int bound)
    {
        return SplitMix64.bounded(random(), bound);
    }
}
