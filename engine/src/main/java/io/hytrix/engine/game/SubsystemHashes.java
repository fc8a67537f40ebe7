package io.hytrix.engine.game;

import io.hytrix.engine.util.Hash64;

/**
 * One 64-bit hash per {@link Subsystem}, computed in a single pass over hunts (id order) and their
 * actors (join order). Reused: computing allocates nothing. Every hash also takes the owning hunt's
 * id and each actor's id, so a value moved from one actor to another still shows as a difference.
 */
public final class SubsystemHashes
{
    private final Hash64[] hashes = new Hash64[Subsystem.all().length];
    private final long[] values = new long[hashes.length];

    public SubsystemHashes()
    {
        for (int i = 0; i < hashes.length; i++)
        {
            hashes[i] = new Hash64();
        }
    }

    /** Computes every subsystem's hash of {@code state} and {@code recent}; call on the handler thread. */
    public SubsystemHashes compute(final GameState state, final IdempotencyWindow recent)
    {
        for (final Hash64 h : hashes)
        {
            h.reset().add(state.runningCount);
        }
        for (int i = 0; i < state.runningCount; i++)
        {
            addHunt(state, state.hunts[state.runningHunts[i]]);
        }
        hash(Subsystem.IDEMPOTENCY).add(recent.size()).add(recent.digest());
        for (int i = 0; i < hashes.length; i++)
        {
            values[i] = hashes[i].value();
        }
        return this;
    }

    public long value(final Subsystem subsystem)
    {
        return values[subsystem.ordinal()];
    }

    /** For decoding a recorded checksum into this holder. */
    public void set(final Subsystem subsystem, final long value)
    {
        values[subsystem.ordinal()] = value;
    }

    private Hash64 hash(final Subsystem subsystem)
    {
        return hashes[subsystem.ordinal()];
    }

    private void addHunt(final GameState state, final Hunt hunt)
    {
        hash(Subsystem.HUNTS).add(hunt.id).add(hunt.mapName, hunt.mapNameLength).add(hunt.map.contentHash())
            .add(hunt.seed).add(hunt.rngState).add(hunt.durationTicks).add(hunt.maxActors).add(hunt.tick)
            .add(hunt.treasureCount).add(hunt.treasuresLeft);
        if (hunt.rules >= 2)
        {
            hash(Subsystem.HUNTS).add(hunt.rules);
        }
        for (int t = 0; t < hunt.treasureCount; t++)
        {
            hash(Subsystem.HUNTS).add(hunt.treasureTile[t]).add(hunt.treasureItem[t]).add(hunt.treasureDug[t] ? 1 : 0);
        }
        for (int s = 0; s < Rules.SPAWN_POINTS; s++)
        {
            hash(Subsystem.HUNTS).add(hunt.spawnTile[s]);
        }
        hash(Subsystem.ACTORS_AND_TILES).add(hunt.id).add(hunt.actorCount);
        hash(Subsystem.INVENTORIES).add(hunt.id);
        hash(Subsystem.EFFECTS).add(hunt.id);
        hash(Subsystem.PATH_CURSORS).add(hunt.id);
        for (int a = 0; a < hunt.actorCount; a++)
        {
            addActor(state.actors[hunt.actorSlots[a]], hunt);
        }
    }

    private void addActor(final Actor actor, final Hunt hunt)
    {
        hash(Subsystem.ACTORS_AND_TILES).add(actor.id).add(actor.tile).add(actor.score);
        if (hunt.rules >= 2)
        {
            hash(Subsystem.ACTORS_AND_TILES).add(actor.movedIn(hunt.tick));
        }
        final Hash64 inventory = hash(Subsystem.INVENTORIES).add(actor.id);
        for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
        {
            inventory.add(actor.itemType[s]).add(actor.itemQuantity[s]);
        }
        final Hash64 effects = hash(Subsystem.EFFECTS).add(actor.id);
        for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
        {
            effects.add(actor.effectType[e]).add(actor.effectExpiresAt[e]);
        }
        final Hash64 cursor = hash(Subsystem.PATH_CURSORS).add(actor.id).add(actor.travelling ? 1 : 0);
        if (actor.travelling)
        {
            cursor.add(actor.pathFrom).add(actor.pathTo).add(actor.pathStep);
        }
    }
}
