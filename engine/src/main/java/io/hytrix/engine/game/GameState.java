package io.hytrix.engine.game;

import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.util.LongIntMap;

/**
 * Everything the handler owns: pooled hunts and actors, their id indexes, the maps in use and the
 * global path cache. Running hunts are kept sorted by id, which fixes the order of every tick.
 */
public final class GameState
{
    final Hunt[] hunts = new Hunt[Rules.MAX_HUNTS];
    final Actor[] actors = new Actor[Rules.MAX_ACTORS];
    private final int[] freeHunts = new int[Rules.MAX_HUNTS];
    private final int[] freeActors = new int[Rules.MAX_ACTORS];
    private int freeHuntCount;
    private int freeActorCount;
    final LongIntMap huntIndex = new LongIntMap(Rules.MAX_HUNTS);
    final LongIntMap actorIndex = new LongIntMap(Rules.MAX_ACTORS);
    /** Slots of running hunts, ascending by hunt id. */
    final int[] runningHunts = new int[Rules.MAX_HUNTS];
    int runningCount;
    final MapRegistry maps;
    final PathCache paths;

    public GameState(final MapCatalog catalog, final PathCache paths)
    {
        this.maps = new MapRegistry(catalog);
        this.paths = paths;
        for (int i = 0; i < hunts.length; i++)
        {
            hunts[i] = new Hunt();
            freeHunts[i] = hunts.length - 1 - i; // pop order 0, 1, 2, ...
        }
        freeHuntCount = hunts.length;
        for (int i = 0; i < actors.length; i++)
        {
            actors[i] = new Actor();
            freeActors[i] = actors.length - 1 - i;
        }
        freeActorCount = actors.length;
    }

    /** @return the hunt with that id, or null; for tests and single-threaded tools only. */
    public Hunt hunt(final long huntId)
    {
        final int slot = huntIndex.get(huntId);
        return slot < 0 ? null : hunts[slot];
    }

    /** @return the actor with that id, or null; for tests and single-threaded tools only. */
    public Actor actor(final long actorId)
    {
        final int slot = actorIndex.get(actorId);
        return slot < 0 ? null : actors[slot];
    }

    public int runningHuntCount()
    {
        return runningCount;
    }

    public int actorCount()
    {
        return actorIndex.size();
    }

    public PathCache pathCache()
    {
        return paths;
    }

    boolean huntCapacityLeft()
    {
        return freeHuntCount > 0;
    }

    boolean actorCapacityLeft()
    {
        return freeActorCount > 0;
    }

    int allocateHunt(final long huntId)
    {
        final int slot = freeHunts[--freeHuntCount];
        huntIndex.put(huntId, slot);
        int at = runningCount;
        while (at > 0 && hunts[runningHunts[at - 1]].id > huntId)
        {
            runningHunts[at] = runningHunts[at - 1];
            at--;
        }
        runningHunts[at] = slot;
        runningCount++;
        return slot;
    }

    void releaseHunt(final int slot)
    {
        final Hunt hunt = hunts[slot];
        huntIndex.remove(hunt.id);
        int at = 0;
        while (runningHunts[at] != slot)
        {
            at++;
        }
        System.arraycopy(runningHunts, at + 1, runningHunts, at, runningCount - at - 1);
        runningCount--;
        hunt.map = null;
        freeHunts[freeHuntCount++] = slot;
    }

    int allocateActor(final long actorId)
    {
        final int slot = freeActors[--freeActorCount];
        actorIndex.put(actorId, slot);
        return slot;
    }

    void releaseActor(final int slot)
    {
        actorIndex.remove(actors[slot].id);
        freeActors[freeActorCount++] = slot;
    }
}
