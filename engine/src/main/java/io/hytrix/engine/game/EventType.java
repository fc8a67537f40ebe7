package io.hytrix.engine.game;

/**
 * Domain events, with stable ids and the {@link GameEvent} fields each one uses. Ids and field
 * meanings are part of the output contract.
 */
public enum EventType
{
    /** huntId, x = treasures, value = durationTicks. */
    HUNT_CREATED(1, "huntCreated"),
    /** huntId, actorId, x, y = spawn tile. */
    ACTOR_JOINED(2, "actorJoined"),
    /** huntId, actorId, x, y = new tile, tick. */
    ACTOR_MOVED(3, "actorMoved"),
    /** huntId, actorId, x, y = target, value = path steps. */
    TRAVEL_STARTED(4, "travelStarted"),
    /** huntId, actorId, x, y = goal reached, tick. */
    ACTOR_ARRIVED(5, "actorArrived"),
    /** huntId, actorId, x, y, item, value = actor's new score. */
    TREASURE_FOUND(6, "treasureFound"),
    /** huntId, actorId, effect, value = expires-at tick. */
    EFFECT_STARTED(7, "effectStarted"),
    /** huntId, actorId, effect, tick. */
    EFFECT_EXPIRED(8, "effectExpired"),
    /** huntId, actorId, x, y = nearest undug treasure. */
    TREASURE_REVEALED(9, "treasureRevealed"),
    /** huntId, actorId, value = final score. */
    ACTOR_LEFT(10, "actorLeft"),
    /** huntId, reason, tick, x = actors ranked. */
    HUNT_COMPLETED(11, "huntCompleted"),
    /** huntId, actorId, x = rank (1 = best), value = score. */
    ACTOR_RANKED(12, "actorRanked");

    private static final EventType[] VALUES = values();

    private final byte id;
    private final String wireName;

    EventType(final int id, final String wireName)
    {
        this.id = (byte)id;
        this.wireName = wireName;
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
