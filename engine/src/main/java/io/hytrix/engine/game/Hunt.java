package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.map.GridMap;

/** One running hunt, pooled and reused. Owned by the handler thread. */
public final class Hunt
{
    long id;
    int mapId;
    GridMap map;
    final byte[] mapName = new byte[CommandEvent.MAX_MAP_NAME_LENGTH];
    int mapNameLength;
    long seed;
    /** The rules version fixed at createHunt ({@link CommandEvent#rules}); old hunts keep theirs to the end. */
    int rules = CommandEvent.RULES_1;
    /** SplitMix64 state: all of the hunt's randomness, so it is part of the state hash. */
    long rngState;
    int durationTicks;
    int maxActors;
    int tick;
    int treasureCount;
    int treasuresLeft;
    final int[] treasureTile = new int[Rules.MAX_TREASURES_PER_HUNT];
    final byte[] treasureItem = new byte[Rules.MAX_TREASURES_PER_HUNT];
    final boolean[] treasureDug = new boolean[Rules.MAX_TREASURES_PER_HUNT];
    final int[] spawnTile = new int[Rules.SPAWN_POINTS];
    /** Tile to treasure index, so a dig is one probe instead of a scan of every treasure. */
    private final io.hytrix.engine.util.LongIntMap treasureByTile =
        new io.hytrix.engine.util.LongIntMap(Rules.MAX_TREASURES_PER_HUNT);
    /** Actor slots in join order: the order in which a tick moves them. Grows (at createHunt only) past 128. */
    int[] actorSlots = new int[128];
    int actorCount;

    long nextRandom()
    {
        rngState = io.hytrix.engine.util.SplitMix64.nextState(rngState);
        return io.hytrix.engine.util.SplitMix64.mix(rngState);
    }

    void ensureActorCapacity(final int capacity)
    {
        if (actorSlots.length < capacity)
        {
            actorSlots = new int[capacity];
        }
    }

    /** Starts a new treasure list (createHunt, snapshot restore). */
    void clearTreasures()
    {
        treasureCount = 0;
        treasureByTile.clear();
    }

    /** Places treasure {@code treasureCount}; tiles are distinct. */
    void addTreasure(final int tile, final byte item, final boolean dug)
    {
        treasureTile[treasureCount] = tile;
        treasureItem[treasureCount] = item;
        treasureDug[treasureCount] = dug;
        treasureByTile.put(tile, treasureCount);
        treasureCount++;
    }

    /** @return the index of an undug treasure on the tile, or -1. */
    int undugTreasureAt(final int tile)
    {
        final int index = treasureByTile.get(tile);
        return index >= 0 && !treasureDug[index] ? index : -1;
    }

    boolean hasTreasureAt(final int tile)
    {
        return treasureByTile.get(tile) >= 0;
    }

    public long id()
    {
        return id;
    }

    public GridMap map()
    {
        return map;
    }

    public int tick()
    {
        return tick;
    }

    public int actorCount()
    {
        return actorCount;
    }

    public int treasureCount()
    {
        return treasureCount;
    }

    public int treasuresLeft()
    {
        return treasuresLeft;
    }

    public int treasureTile(final int index)
    {
        return treasureTile[index];
    }

    public ItemType treasureItem(final int index)
    {
        return ItemType.fromId(treasureItem[index]);
    }

    public boolean treasureDug(final int index)
    {
        return treasureDug[index];
    }

    public int rules()
    {
        return rules;
    }

    public int durationTicks()
    {
        return durationTicks;
    }
}
