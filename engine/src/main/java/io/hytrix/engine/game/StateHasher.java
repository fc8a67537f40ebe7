package io.hytrix.engine.game;

import io.hytrix.engine.util.Hash64;

/**
 * The 64-bit state hash: explicit fields in a fixed order through {@link Hash64}. Hunts are visited in
 * id order and actors in join order, both part of the game's meaning. Path-cache handles and counters
 * are left out on purpose: they depend on the cache's size, which must never change an output.
 */
public final class StateHasher
{
    private final Hash64 hash = new Hash64();

    /** The whole state: the world, then the idempotency window, oldest first. */
    public long hash(final GameState state, final IdempotencyWindow recent)
    {
        addWorld(state);
        hash.add(recent.size());
        for (int age = 0; age < recent.size(); age++)
        {
            hash.add(recent.cmdIdAt(age)).add(recent.resultAt(age));
            final long fields = recent.fieldDigestAt(age);
            if (fields != 0)
            {
                hash.add(fields); // rules-2 entries only, so rules-1 state hashes as it always did
            }
        }
        return hash.value();
    }

    /** Hunts, treasures and actors only: what the game rules read and write. */
    public long worldHash(final GameState state)
    {
        addWorld(state);
        return hash.value();
    }

    private void addWorld(final GameState state)
    {
        hash.reset().add(state.runningCount).add(state.actorCount());
        for (int i = 0; i < state.runningCount; i++)
        {
            addHunt(state, state.hunts[state.runningHunts[i]]);
        }
    }

    private void addHunt(final GameState state, final Hunt hunt)
    {
        hash.add(hunt.id).add(hunt.mapName, hunt.mapNameLength).add(hunt.map.contentHash())
            .add(hunt.seed).add(hunt.rngState).add(hunt.durationTicks).add(hunt.maxActors).add(hunt.tick)
            .add(hunt.treasureCount).add(hunt.treasuresLeft);
        final boolean rules2 = hunt.rules >= 2;
        if (rules2)
        {
            hash.add(hunt.rules); // folded in from rules 2 on: a rules-1 hunt hashes as it always did
        }
        for (int t = 0; t < hunt.treasureCount; t++)
        {
            hash.add(hunt.treasureTile[t]).add(hunt.treasureItem[t]).add(hunt.treasureDug[t] ? 1 : 0);
        }
        for (int s = 0; s < Rules.SPAWN_POINTS; s++)
        {
            hash.add(hunt.spawnTile[s]);
        }
        hash.add(hunt.actorCount);
        for (int a = 0; a < hunt.actorCount; a++)
        {
            addActor(state.actors[hunt.actorSlots[a]], hunt, rules2);
        }
    }

    private void addActor(final Actor actor, final Hunt hunt, final boolean rules2)
    {
        if (rules2)
        {
            hash.add(actor.movedIn(hunt.tick));
        }
        hash.add(actor.id).add(actor.tile).add(actor.score);
        for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
        {
            hash.add(actor.itemType[s]).add(actor.itemQuantity[s]);
        }
        for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
        {
            hash.add(actor.effectType[e]).add(actor.effectExpiresAt[e]);
        }
        hash.add(actor.travelling ? 1 : 0);
        if (actor.travelling)
        {
            hash.add(actor.pathFrom).add(actor.pathTo).add(actor.pathStep);
        }
    }
}
