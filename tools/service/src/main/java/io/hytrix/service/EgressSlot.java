package io.hytrix.service;

import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;

/**
 * One pre-allocated slot of the egress ring: what the handler thread hands to the egress thread.
 * Only primitives and references to constants (enums, map names), copied in by the handler and
 * read by the egress thread, so the handler never allocates and never shares a live object.
 * Inventory and effects are packed into longs to keep the slot flat and small. An event slot holds a
 * copy of the engine's {@link GameEvent}, so the one event JSON writer formats it as the engine's own.
 */
final class EgressSlot
{
    static final byte EVENT = 1;
    static final byte OUTCOME = 2;
    static final byte ANSWER = 3;

    byte kind;
    /** The request this belongs to ({@link PendingRequests}), or 0 for the clock's ticks. */
    long correlation;
    long cmdId;
    long journalIndex;
    long intendedNanos;

    // --- OUTCOME ---
    CommandType type;
    ResultCode result;
    boolean duplicate;
    /** {@link io.hytrix.engine.command.CommandEvent#detail}: which message explains the result. */
    byte detail;

    // --- EVENT: a copy of the handler's flyweight ---
    final GameEvent event = new GameEvent();

    // --- ANSWER to a query about a hunt or an actor ---
    long huntId;
    long actorId;
    int x;
    int y;
    int tick;

    // --- ANSWER to a query: found == false means "no such hunt/actor" ---
    Query query;
    boolean found;
    String mapName;
    int durationTicks;
    int actors;
    int treasures;
    int treasuresLeft;
    long score;
    boolean travelling;
    int targetX;
    int targetY;
    /** Inventory: item id per slot, one byte each (slot 0 lowest). */
    long inventoryItems;
    /** Inventory: quantity per slot, one byte each. */
    long inventoryQuantities;
    /** Effects: effect id per slot, one byte each. */
    long effectTypes;
    final int[] effectExpiresAt = new int[io.hytrix.engine.game.Rules.EFFECT_SLOTS];
    long stateHash;
    /** STATE answer: hunts running and actors in them. */
    int runningHunts;
    int runningActors;
    long commands;
    long pathHits;
    long pathMisses;
    long pathEvictions;
    long journalBytes;
    /** Answer to a SNAPSHOT query: payload bytes and how long the handler was held serialising it. */
    long snapshotBytes;
    long snapshotStallNanos;
}
