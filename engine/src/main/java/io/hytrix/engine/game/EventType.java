package io.hytrix.engine.game;

/**
 * Domain events, with stable ids and the {@link EventField}s each one shows. Ids, field names and
 * meanings are part of the output contract.
 */
public enum EventType
{
    /** huntId, x = treasures, value = durationTicks. */
    HUNT_CREATED(1, "huntCreated", EventField.TREASURES, EventField.DURATION_TICKS),
    /** huntId, actorId, x, y = spawn tile. */
    ACTOR_JOINED(2, "actorJoined", EventField.ACTOR_ID, EventField.X, EventField.Y),
    /** huntId, actorId, x, y = new tile, tick. */
    ACTOR_MOVED(3, "actorMoved", EventField.ACTOR_ID, EventField.X, EventField.Y, EventField.TICK),
    /** huntId, actorId, x, y = target, value = path steps. */
    TRAVEL_STARTED(4, "travelStarted", EventField.ACTOR_ID, EventField.X, EventField.Y, EventField.STEPS),
    /** huntId, actorId, x, y = goal reached, tick. */
    ACTOR_ARRIVED(5, "actorArrived", EventField.ACTOR_ID, EventField.X, EventField.Y, EventField.TICK),
    /** huntId, actorId, x, y, item, value = actor's new score. */
    TREASURE_FOUND(6, "treasureFound", EventField.ACTOR_ID, EventField.X, EventField.Y, EventField.ITEM,
        EventField.SCORE),
    /** huntId, actorId, effect, value = expires-at tick. */
    EFFECT_STARTED(7, "effectStarted", EventField.ACTOR_ID, EventField.EFFECT, EventField.EXPIRES_AT),
    /** huntId, actorId, effect, tick. */
    EFFECT_EXPIRED(8, "effectExpired", EventField.ACTOR_ID, EventField.EFFECT, EventField.TICK),
    /** huntId, actorId, x, y = nearest undug treasure. */
    TREASURE_REVEALED(9, "treasureRevealed", EventField.ACTOR_ID, EventField.X, EventField.Y),
    /** huntId, actorId, value = final score. */
    ACTOR_LEFT(10, "actorLeft", EventField.ACTOR_ID, EventField.SCORE),
    /** huntId, reason, tick, x = actors ranked. */
    HUNT_COMPLETED(11, "huntCompleted", EventField.REASON, EventField.TICK, EventField.ACTORS),
    /** huntId, actorId, x = rank (1 = best), value = score. */
    ACTOR_RANKED(12, "actorRanked", EventField.ACTOR_ID, EventField.RANK, EventField.SCORE);

    private static final EventType[] VALUES = values();

    private final byte id;
    private final String wireName;
    private final EventField[] fields;

    EventType(final int id, final String wireName, final EventField... afterHuntId)
    {
        this.id = (byte)id;
        this.wireName = wireName;
        this.fields = new EventField[afterHuntId.length + 1];
        this.fields[0] = EventField.HUNT_ID;
        System.arraycopy(afterHuntId, 0, fields, 1, afterHuntId.length);
    }

    /** The fields this type shows, in order; every type starts with huntId. Do not modify. */
    public EventField[] fields()
    {
        return fields;
    }

    public byte id()
    {
        return id;
    }

    public String wireName()
    {
        return wireName;
    }

    /** @throws IllegalArgumentException for an id no constant has. */
    public static EventType fromId(final int id)
    {
        for (final EventType value : VALUES)
        {
            if (value.id == id)
            {
                return value;
            }
        }
        throw new IllegalArgumentException("no EventType with id " + id);
    }
}
