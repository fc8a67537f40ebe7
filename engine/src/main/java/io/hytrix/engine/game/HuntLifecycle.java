package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.OutcomeDetail;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;

/** createHunt, joinHunt, leaveHunt, endHunt, and completion with ranking. */
final class HuntLifecycle
{
    private final GameState state;
    private final Events events;
    private final int[] ranking = new int[Rules.MAX_ACTORS_PER_HUNT];

    HuntLifecycle(final GameState state, final Events events)
    {
        this.state = state;
        this.events = events;
    }

    ResultCode create(final CommandEvent cmd)
    {
        if (cmd.treasures < 1 || cmd.treasures > Rules.MAX_TREASURES_PER_HUNT)
        {
            cmd.detail = OutcomeDetail.TREASURES.id();
            return ResultCode.INVALID_ARGUMENT;
        }
        if (cmd.durationTicks < 1 || cmd.durationTicks > Rules.MAX_DURATION_TICKS)
        {
            cmd.detail = OutcomeDetail.DURATION_TICKS.id();
            return ResultCode.INVALID_ARGUMENT;
        }
        if (cmd.maxActors < 1 || cmd.maxActors > Rules.MAX_ACTORS_PER_HUNT)
        {
            cmd.detail = OutcomeDetail.MAX_ACTORS.id();
            return ResultCode.INVALID_ARGUMENT;
        }
        if (state.huntIndex.get(cmd.huntId) >= 0)
        {
            return ResultCode.HUNT_EXISTS;
        }
        if (!state.huntCapacityLeft())
        {
            return ResultCode.CAPACITY;
        }
        final int mapId = state.maps.idOf(cmd.mapName, cmd.mapNameLength);
        if (mapId < 0)
        {
            return ResultCode.UNKNOWN_MAP;
        }
        final GridMap map = state.maps.map(mapId);
        // Rules 2 keep treasures and spawn points in the largest connected region, so each is reachable from each.
        final boolean connected = cmd.rules >= 2;
        if ((connected ? map.largestRegionSize() : map.passableCount()) < cmd.treasures)
        {
            cmd.detail = OutcomeDetail.TREASURES_FOR_MAP.id();
            return ResultCode.INVALID_ARGUMENT;
        }

        final Hunt hunt = state.hunts[state.allocateHunt(cmd.huntId)];
        hunt.id = cmd.huntId;
        hunt.mapId = mapId;
        hunt.map = map;
        System.arraycopy(cmd.mapName, 0, hunt.mapName, 0, cmd.mapNameLength);
        hunt.mapNameLength = cmd.mapNameLength;
        hunt.seed = cmd.seed;
        hunt.rules = cmd.rules;
        hunt.rngState = cmd.seed;
        hunt.durationTicks = cmd.durationTicks;
        hunt.maxActors = cmd.maxActors;
        hunt.tick = 0;
        hunt.actorCount = 0;
        hunt.ensureActorCapacity(cmd.maxActors);
        hunt.clearTreasures();
        for (int i = 0; i < cmd.treasures; i++)
        {
            final int tile = freeTile(hunt, true);
            hunt.addTreasure(tile, drawItem(hunt).id(), false);
        }
        hunt.treasuresLeft = hunt.treasureCount;
        long spawnRng = map.contentHash();
        for (int i = 0; i < Rules.SPAWN_POINTS; i++)
        {
            int tile;
            do
            {
                spawnRng = io.hytrix.engine.util.SplitMix64.nextState(spawnRng);
                tile = io.hytrix.engine.util.SplitMix64.bounded(io.hytrix.engine.util.SplitMix64.mix(spawnRng), map.tileCount());
            }
            while (!placeable(map, tile, connected)); // such a tile exists: treasures were placed
            hunt.spawnTile[i] = tile;
        }

        final GameEvent e = events.begin(EventType.HUNT_CREATED, hunt.id, 0);
        e.x = hunt.treasureCount;
        e.value = hunt.durationTicks;
        events.emit();
        return ResultCode.ACCEPTED;
    }

    ResultCode join(final CommandEvent cmd)
    {
        final int huntSlot = state.huntIndex.get(cmd.huntId);
        if (huntSlot < 0)
        {
            return ResultCode.UNKNOWN_HUNT;
        }
        if (state.actorIndex.get(cmd.actorId) >= 0)
        {
            return ResultCode.ACTOR_EXISTS;
        }
        final Hunt hunt = state.hunts[huntSlot];
        if (hunt.actorCount >= hunt.maxActors)
        {
            return ResultCode.HUNT_FULL;
        }
        if (!state.actorCapacityLeft())
        {
            return ResultCode.CAPACITY;
        }
        final int slot = state.allocateActor(cmd.actorId);
        final Actor actor = state.actors[slot];
        actor.reset(cmd.actorId, huntSlot,
            hunt.spawnTile[io.hytrix.engine.util.SplitMix64.bounded(hunt.nextRandom(), Rules.SPAWN_POINTS)]);
        hunt.actorSlots[hunt.actorCount++] = slot;
        events.actorAt(EventType.ACTOR_JOINED, hunt, actor, actor.tile);
        return ResultCode.ACCEPTED;
    }

    ResultCode leave(final CommandEvent cmd)
    {
        final int slot = state.actorIndex.get(cmd.actorId);
        if (slot < 0)
        {
            return ResultCode.UNKNOWN_ACTOR;
        }
        final Actor actor = state.actors[slot];
        final Hunt hunt = state.hunts[actor.huntSlot];
        int at = 0;
        while (hunt.actorSlots[at] != slot)
        {
            at++;
        }
        System.arraycopy(hunt.actorSlots, at + 1, hunt.actorSlots, at, hunt.actorCount - at - 1);
        hunt.actorCount--;
        final GameEvent e = events.begin(EventType.ACTOR_LEFT, hunt.id, actor.id);
        e.value = actor.score;
        events.emit();
        state.releaseActor(slot);
        return ResultCode.ACCEPTED;
    }

    ResultCode end(final CommandEvent cmd)
    {
        final int huntSlot = state.huntIndex.get(cmd.huntId);
        if (huntSlot < 0)
        {
            return ResultCode.UNKNOWN_HUNT;
        }
        complete(huntSlot, CompletionReason.ABORTED);
        return ResultCode.ACCEPTED;
    }

    /** Emits the completion and the ranking (score descending, then actor id ascending), then frees the hunt. */
    void complete(final int huntSlot, final CompletionReason reason)
    {
        final Hunt hunt = state.hunts[huntSlot];
        final int n = hunt.actorCount;
        final GameEvent done = events.begin(EventType.HUNT_COMPLETED, hunt.id, 0);
        done.reason = reason;
        done.tick = hunt.tick;
        done.x = n;
        events.emit();

        System.arraycopy(hunt.actorSlots, 0, ranking, 0, n);
        for (int i = 1; i < n; i++)
        {
            final int slot = ranking[i];
            int j = i - 1;
            while (j >= 0 && ranksBefore(slot, ranking[j]))
            {
                ranking[j + 1] = ranking[j];
                j--;
            }
            ranking[j + 1] = slot;
        }
        for (int i = 0; i < n; i++)
        {
            final Actor actor = state.actors[ranking[i]];
            final GameEvent e = events.begin(EventType.ACTOR_RANKED, hunt.id, actor.id);
            e.x = i + 1;
            e.value = actor.score;
            events.emit();
            state.releaseActor(ranking[i]);
        }
        hunt.actorCount = 0;
        state.releaseHunt(huntSlot);
    }

    private boolean ranksBefore(final int a, final int b)
    {
        final Actor x = state.actors[a];
        final Actor y = state.actors[b];
        return x.score != y.score ? x.score > y.score : x.id < y.id;
    }

    private ItemType drawItem(final Hunt hunt)
    {
        final int roll = io.hytrix.engine.util.SplitMix64.bounded(hunt.nextRandom(), 10);
        return roll < 6 ? ItemType.COIN : roll < 8 ? ItemType.BOOTS : ItemType.COMPASS;
    }

    /**
     * A passable tile drawn from the hunt's PRNG; for treasures, one without a treasure yet. Random
     * probes first, then a scan from a random start, so placement always terminates deterministically.
     */
    private static int freeTile(final Hunt hunt, final boolean forTreasure)
    {
        final GridMap map = hunt.map;
        final boolean connected = hunt.rules >= 2;
        final int tiles = map.tileCount();
        for (int probe = 0; probe < Rules.PLACEMENT_PROBES; probe++)
        {
            final int tile = io.hytrix.engine.util.SplitMix64.bounded(hunt.nextRandom(), tiles);
            if (placeable(map, tile, connected) && !(forTreasure && hunt.hasTreasureAt(tile)))
            {
                return tile;
            }
        }
        final int start = io.hytrix.engine.util.SplitMix64.bounded(hunt.nextRandom(), tiles);
        for (int i = 0; i < tiles; i++)
        {
            final int tile = (start + i) % tiles;
            if (placeable(map, tile, connected) && !(forTreasure && hunt.hasTreasureAt(tile)))
            {
                return tile;
            }
        }
        throw new IllegalStateException("no free tile on map " + map.name());
    }

    /** Rules 1: any passable tile; rules 2: a tile of the map's largest connected region. */
    private static boolean placeable(final GridMap map, final int tile, final boolean connected)
    {
        return connected ? map.inLargestRegion(tile) : map.passableTile(tile);
    }
}
