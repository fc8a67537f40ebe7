package io.hytrix.engine.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders events as text. The field set per type is fixed here, once, so every printer (logs,
 * YAML, JSON, diffs) shows the same fields in the same order and two builds' outputs diff cleanly.
 */
public final class EventText
{
    private EventText()
    {
    }

    /** e.g. {@code actorMoved{huntId=1, actorId=7, x=3, y=4, tick=12}} */
    public static String describe(final GameEvent e)
    {
        final StringBuilder sb = new StringBuilder(80).append(e.type.wireName()).append('{');
        final List<Map.Entry<String, Object>> fields = fields(e);
        for (int i = 0; i < fields.size(); i++)
        {
            sb.append(i == 0 ? "" : ", ").append(fields.get(i).getKey()).append('=').append(fields.get(i).getValue());
        }
        return sb.append('}').toString();
    }

    /** The event's fields in their fixed order; values are Long, Integer or an enum constant's name. */
    public static List<Map.Entry<String, Object>> fields(final GameEvent e)
    {
        final List<Map.Entry<String, Object>> f = new ArrayList<>(6);
        f.add(Map.entry("huntId", e.huntId));
        switch (e.type)
        {
            case HUNT_CREATED:
                f.add(Map.entry("treasures", e.x));
                f.add(Map.entry("durationTicks", e.value));
                break;
            case ACTOR_JOINED:
            case TREASURE_REVEALED:
                actorAt(f, e);
                break;
            case ACTOR_MOVED:
            case ACTOR_ARRIVED:
                actorAt(f, e);
                f.add(Map.entry("tick", e.tick));
                break;
            case TRAVEL_STARTED:
                actorAt(f, e);
                f.add(Map.entry("steps", e.value));
                break;
            case TREASURE_FOUND:
                actorAt(f, e);
                f.add(Map.entry("item", e.item.name()));
                f.add(Map.entry("score", e.value));
                break;
            case EFFECT_STARTED:
                f.add(Map.entry("actorId", e.actorId));
                f.add(Map.entry("effect", e.effect.name()));
                f.add(Map.entry("expiresAt", e.value));
                break;
            case EFFECT_EXPIRED:
                f.add(Map.entry("actorId", e.actorId));
                f.add(Map.entry("effect", e.effect.name()));
                f.add(Map.entry("tick", e.tick));
                break;
            case ACTOR_LEFT:
                f.add(Map.entry("actorId", e.actorId));
                f.add(Map.entry("score", e.value));
                break;
            case HUNT_COMPLETED:
                f.add(Map.entry("reason", e.reason.name()));
                f.add(Map.entry("tick", e.tick));
                f.add(Map.entry("actors", e.x));
                break;
            case ACTOR_RANKED:
                f.add(Map.entry("actorId", e.actorId));
                f.add(Map.entry("rank", e.x));
                f.add(Map.entry("score", e.value));
                break;
            default:
                throw new IllegalStateException("unrendered event type " + e.type);
        }
        return f;
    }

    /** Whether the event concerns this actor. */
    public static boolean involves(final GameEvent e, final long actorId)
    {
        return e.actorId == actorId && e.type != EventType.HUNT_CREATED && e.type != EventType.HUNT_COMPLETED;
    }

    private static void actorAt(final List<Map.Entry<String, Object>> f, final GameEvent e)
    {
        f.add(Map.entry("actorId", e.actorId));
        f.add(Map.entry("x", e.x));
        f.add(Map.entry("y", e.y));
    }
}
