package io.hytrix.service;

import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.EventData;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.ItemType;

/**
 * One pre-allocated slot of the egress ring: what the handler thread hands to the egress thread.
 * Only primitives and references to constants (enums, map names), copied in by the handler and
 * read by the egress thread, so the handler never allocates and never shares a live object.
 * Inventory and effects are packed into longs to keep the slot flat and small. An event slot reads
 * as {@link EventData}, so the one event JSON writer formats it as it would the engine's own event.
 */
final class EgressSlot implements EventData
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

    // --- EVENT (the fields of GameEvent) ---
    EventType eventType;
    long huntId;
    long actorId;
    int x;
    int y;
    int tick;
    ItemType item;
    EffectType effect;
    CompletionReason reason;
    long value;

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
    long commands;
    long pathHits;
    long pathMisses;
    long pathEvictions;
    long journalBytes;
    /** Answer to a SNAPSHOT query: payload bytes and how long the handler was held serialising it. */
    long snapshotBytes;
    long snapshotStallNanos;

    @Override
    public EventType eventType()
    {
        return eventType;
    }

    @Override
    public long huntId()
    {
        return huntId;
    }

    @Override
    public long actorId()
    {
        return actorId;
    }

    @Override
    public int x()
    {
        return x;
    }

    @Override
    public int y()
    {
        return y;
    }

    @Override
    public int tick()
    {
        return tick;
    }

    @Override
    public long value()
    {
        return value;
    }

    @Override
    public ItemType item()
    {
        return item;
    }

    @Override
    public EffectType effect()
    {
        return effect;
    }

    @Override
    public CompletionReason reason()
    {
        return reason;
    }
}
