package io.hytrix.engine.game;

/**
 * The parts of the state a production checksum names separately, so a mismatch says where to look.
 * Ids and order are part of the output-queue format.
 */
public enum Subsystem
{
    /** Which actors each hunt has (join order), their tiles and scores. */
    ACTORS_AND_TILES("actors-and-tiles"),
    /** Every actor's inventory slots. */
    INVENTORIES("inventories"),
    /** Every actor's active effects and their expiry ticks. */
    EFFECTS("effects"),
    /** Running hunts: map, seed, PRNG, clock, treasures, spawn points. */
    HUNTS("hunts"),
    /**
     * Each actor's cursor into the global path cache: travelling, from, to, step. The cache's contents
     * and counters depend on its size, which must never change an output, so they are not hashed.
     */
    PATH_CURSORS("path-cursors"),
    /** The idempotency window: which recent cmdIds it holds, with their results ({@link IdempotencyWindow#digest()}). */
    IDEMPOTENCY("idempotency");

    private static final Subsystem[] ALL = values();

    private final String label;

    Subsystem(final String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }

    public static Subsystem[] all()
    {
        return ALL;
    }
}
