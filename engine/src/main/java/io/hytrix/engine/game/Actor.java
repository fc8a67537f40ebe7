package io.hytrix.engine.game;

/**
 * One actor's state, pooled and reused. Owned by the handler thread; everything here is primitive
 * so a tick touches no pointers beyond this object.
 */
public final class Actor
{
    long id;
    int huntSlot;
    int tile;
    long score;
    final byte[] itemType = new byte[Rules.INVENTORY_SLOTS];
    final int[] itemQuantity = new int[Rules.INVENTORY_SLOTS];
    final byte[] effectType = new byte[Rules.EFFECT_SLOTS];
    final int[] effectExpiresAt = new int[Rules.EFFECT_SLOTS];

    // Path cursor: the path is named by (from, to) so it can always be recomputed identically; the
    // handle and generation are only a shortcut into the global cache.
    boolean travelling;
    int pathFrom;
    int pathTo;
    int pathStep;
    int pathHandle;
    long pathGeneration;

    // Move budget (rules 2): the hunt tick the budget was last used in and how many tiles it moved then.
    int budgetTick = -1;
    int budgetUsed;

    void reset(final long id, final int huntSlot, final int tile)
    {
        this.id = id;
        this.huntSlot = huntSlot;
        this.tile = tile;
        score = 0;
        java.util.Arrays.fill(itemType, (byte)0);
        java.util.Arrays.fill(itemQuantity, 0);
        java.util.Arrays.fill(effectType, (byte)0);
        java.util.Arrays.fill(effectExpiresAt, 0);
        travelling = false;
        pathFrom = 0;
        pathTo = 0;
        pathStep = 0;
        pathHandle = -1;
        pathGeneration = 0;
        budgetTick = -1;
        budgetUsed = 0;
    }

    public long id()
    {
        return id;
    }

    public int tile()
    {
        return tile;
    }

    public long score()
    {
        return score;
    }

    public boolean travelling()
    {
        return travelling;
    }

    public int pathTo()
    {
        return pathTo;
    }

    public ItemType item(final int slot)
    {
        return ItemType.fromId(itemType[slot]);
    }

    public int quantity(final int slot)
    {
        return itemQuantity[slot];
    }

    public EffectType effect(final int slot)
    {
        return EffectType.fromId(effectType[slot]);
    }

    public int effectExpiresAt(final int slot)
    {
        return effectExpiresAt[slot];
    }

    /** Tiles this actor may move per tick: {@link Rules#MOVES_PER_TICK}, doubled under SPEED. */
    int moveBudget()
    {
        return hasEffect(EffectType.SPEED) ? 2 * Rules.MOVES_PER_TICK : Rules.MOVES_PER_TICK;
    }

    /** Tiles already moved in hunt tick {@code tick}. */
    int movedIn(final int tick)
    {
        return budgetTick == tick ? budgetUsed : 0;
    }

    /** Counts one tile moved in hunt tick {@code tick}. */
    void spendMove(final int tick)
    {
        if (budgetTick != tick)
        {
            budgetTick = tick;
            budgetUsed = 0;
        }
        budgetUsed++;
    }

    boolean hasEffect(final EffectType type)
    {
        for (int i = 0; i < Rules.EFFECT_SLOTS; i++)
        {
            if (effectType[i] == type.id())
            {
                return true;
            }
        }
        return false;
    }
}
