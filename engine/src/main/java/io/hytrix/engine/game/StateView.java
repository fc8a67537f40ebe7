package io.hytrix.engine.game;

/** What a query may read, on the handler thread only, while the handler is between commands. */
public interface StateView
{
    /** @return the running hunt, or null. */
    Hunt hunt(long huntId);

    /** @return the actor (in a running hunt), or null. */
    Actor actor(long actorId);

    /** @return the hunt an actor is in. */
    Hunt huntOf(Actor actor);

    long stateHash();

    /** Journaled commands applied so far. */
    long commands();

    /** Journal index of the last command applied, or -1. */
    long lastJournalIndex();

    /** Hunts running now. */
    int runningHunts();

    /** Actors in running hunts now. */
    int actors();

    /** Writes the whole state in the {@link StateSnapshot} format. */
    void writeSnapshot(java.io.DataOutput out) throws java.io.IOException;
}
