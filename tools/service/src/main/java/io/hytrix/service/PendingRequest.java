package io.hytrix.service;

import io.netty.buffer.ByteBuf;

/**
 * A request waiting for the engine, in a pre-allocated table. The event loop fills it before
 * publishing its commands; from then on only the egress thread touches it (the ring's sequences
 * order the hand-over), until the egress thread answers and releases it.
 */
final class PendingRequest
{
    enum Kind
    {
        COMMANDS, HUNT, ACTOR, STATE, METRICS, SNAPSHOT
    }

    final int index;
    /** Bumped on release, so a stale correlation can never reach the next user of the slot. */
    int generation;

    Responder owner;
    Kind kind;
    boolean array;
    int expected;
    int answered;
    /** Some command of the request could not be journaled (so was not applied): the answer is a 503. */
    boolean unjournaled;
    /** An outcome is {@code CMD_ID_CONFLICT}: the request is answered 409, its body still lists every outcome. */
    boolean conflict;
    /** The answer being built, allocated by the egress thread on the first outcome. */
    ByteBuf body;

    PendingRequest(final int index)
    {
        this.index = index;
    }

    long correlation()
    {
        return ((long)generation << 32) | (index + 1L);
    }
}
