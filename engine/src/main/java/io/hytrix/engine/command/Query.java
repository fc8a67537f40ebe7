package io.hytrix.engine.command;

/**
 * A read request that travels the ring like a command so that only the handler thread ever reads
 * game state (one writer). Queries are never journaled and never change state, so replay skips nothing.
 */
public enum Query
{
    /** Not a query: a journaled command. */
    NONE,
    /** One hunt, by {@link CommandEvent#huntId}. */
    HUNT,
    /** One actor, by {@link CommandEvent#actorId}. */
    ACTOR,
    /** The engine's journal position, command count and state hash. */
    STATE,
    /** A snapshot of the whole state, taken between two commands ({@code StateView#writeSnapshot}). */
    SNAPSHOT
}
