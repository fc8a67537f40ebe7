package io.hytrix.engine.load;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.util.SplitMix64;

/**
 * The built-in matchmaker: a deterministic, open-loop command sequence for the seed's scenario.
 * Hunts of {@code actorsPerHunt} actors are spread over the given maps; time advances in windows
 * that each start with a {@code tick} followed by {@link #commandsPerWindow()} actor commands
 * (travel to one of a hunt's waypoints, dig, use an item, single steps). When a hunt's time is up
 * it is recreated under a new id and its actors join again. The same seed gives the same sequence,
 * command for command, which is what makes a demo run reproducible; the caller decides the pacing.
 * Allocation-free after construction.
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
        this.waypoints = new int[hunts][WAYPOINTS];
        for (int h = 0; h < hunts; h++)
        {
            huntMap[h] = h % maps.length;
            huntEndTick[h] = 0; // due now: created before the first window
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
            for (int w = 0; w < WAYPOINTS; w++)
            {
                waypoints[h][w] = randomPassable(map);
            }
            into.createHunt(nextCmdId++, huntIds[h], map.name(), random(), TREASURES, durationTicks, actorsPerHunt);
            joinCursor = 0;
            return;
        }
        into.joinHunt(nextCmdId++, huntIds[h], h * (long)actorsPerHunt + joinCursor + 1);
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
        if (roll < 40)
        {
            final GridMap map = maps[huntMap[h]];
            final int target = waypoints[h][bounded(WAYPOINTS)];
            into.travel(nextCmdId++, actorId, map.x(target), map.y(target));
        }
        else if (roll < 70)
        {
            into.dig(nextCmdId++, actorId);
        }
        else if (roll < 85)
        {
            into.useItem(nextCmdId++, actorId, bounded(3));
        }
        else
        {
            into.move(nextCmdId++, actorId, Direction.fromId(bounded(8)));
        }
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
