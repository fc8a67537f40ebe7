package io.hytrix.engine.game;

/** Renders events as text; the field set per type is fixed so two builds' outputs diff cleanly. */
public final class EventText
{
    private EventText()
    {
    }

    public static String describe(final GameEvent e)
    {
        final StringBuilder sb = new StringBuilder(80).append(e.type.wireName()).append("{huntId=").append(e.huntId);
        switch (e.type)
        {
            case HUNT_CREATED:
                sb.append(", treasures=").append(e.x).append(", durationTicks=").append(e.value);
                break;
            case ACTOR_JOINED:
                sb.append(", actorId=").append(e.actorId).append(", x=").append(e.x).append(", y=").append(e.y);
                break;
            case ACTOR_MOVED:
            case ACTOR_ARRIVED:
                sb.append(", actorId=").append(e.actorId).append(", x=").append(e.x).append(", y=").append(e.y)
                    .append(", tick=").append(e.tick);
                break;
            case TRAVEL_STARTED:
                sb.append(", actorId=").append(e.actorId).append(", x=").append(e.x).append(", y=").append(e.y)
                    .append(", steps=").append(e.value);
                break;
            case TREASURE_FOUND:
                sb.append(", actorId=").append(e.actorId).append(", x=").append(e.x).append(", y=").append(e.y)
                    .append(", item=").append(e.item).append(", score=").append(e.value);
                break;
            case EFFECT_STARTED:
                sb.append(", actorId=").append(e.actorId).append(", effect=").append(e.effect)
                    .append(", expiresAt=").append(e.value);
                break;
            case EFFECT_EXPIRED:
                sb.append(", actorId=").append(e.actorId).append(", effect=").append(e.effect)
                    .append(", tick=").append(e.tick);
                break;
            case TREASURE_REVEALED:
                sb.append(", actorId=").append(e.actorId).append(", x=").append(e.x).append(", y=").append(e.y);
                break;
            case ACTOR_LEFT:
                sb.append(", actorId=").append(e.actorId).append(", score=").append(e.value);
                break;
            case HUNT_COMPLETED:
                sb.append(", reason=").append(e.reason).append(", tick=").append(e.tick).append(", actors=").append(e.x);
                break;
            case ACTOR_RANKED:
                sb.append(", actorId=").append(e.actorId).append(", rank=").append(e.x).append(", score=").append(e.value);
                break;
            default:
                throw new IllegalStateException("unrendered event type " + e.type);
        }
        return sb.append('}').toString();
    }
}
