package io.hytrix.engine.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders events as text from {@link EventType#fields()}, so every printer (logs, YAML, JSON, diffs)
 * shows the same fields in the same order and two builds' outputs diff cleanly.
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
        final EventField[] fields = e.type.fields();
        final List<Map.Entry<String, Object>> f = new ArrayList<>(fields.length);
        for (final EventField field : fields)
        {
            f.add(Map.entry(field.wireName(), field.valueOf(e)));
        }
        return f;
    }

    /** Whether the event concerns this actor. */
    public static boolean involves(final GameEvent e, final long actorId)
    {
        return e.actorId == actorId && e.type != EventType.HUNT_CREATED && e.type != EventType.HUNT_COMPLETED;
    }
}
