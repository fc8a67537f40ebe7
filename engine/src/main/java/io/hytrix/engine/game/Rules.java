package io.hytrix.engine.game;

/**
 * The game's fixed numbers. They decide outputs, so they are constants of a release, not
 * configuration: a journal must replay the same under any configuration.
 */
public final class Rules
{
    public static final int MAX_HUNTS = 1024;
    public static final int MAX_ACTORS = 65_536;
    public static final int MAX_ACTORS_PER_HUNT = 4096;
    public static final int MAX_TREASURES_PER_HUNT = 256;
    public static final int MAX_DURATION_TICKS = 100_000_000;
    public static final int MAX_MAPS = 256;
    public static final int INVENTORY_SLOTS = 8;
    public static final int EFFECT_SLOTS = 4;
    /** Items of one type per inventory slot. */
    public static final int MAX_STACK = 3;
    /** How long BOOTS' SPEED lasts. */
    public static final int SPEED_TICKS = 30;
    /**
     * Spawn points of a map: actors join on one of them, as players enter a map at its gates. They
     * are drawn from a PRNG seeded by the map's content hash, so every hunt on a map shares them and
     * the first paths of all its actors start from a few tiles and share the global path cache.
     */
    public static final int SPAWN_POINTS = 4;
    /** Random probes for a free tile before falling back to a deterministic scan. */
    public static final int PLACEMENT_PROBES = 4096;

    /**
     * Tiles an actor may move in one tick under rules 2, by {@code move} and travel steps together
     * (twice this under SPEED). Rules 1 had no budget.
     */
    public static final int MOVES_PER_TICK = 1;

    private Rules()
    {
    }
}
