package io.hytrix.engine.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text codec of events: renders them from {@link EventType#fields()}, so every text printer
 * (logs, YAML, diffs) shows the same fields in the same order and two builds' outputs diff cleanly.
 * The JSON form walks the same table.
 */
public final class EventText
{
    private EventText()
    {
    }

    /** e.g. {@code actorMoved{huntId=1, actorId=7, x=3, y=4, tick=12}} */
    public static String describe(final GameEvent e)
    {
        final StringBuilder sb = new StringBuilder(80).append(e.eventType().wireName()).append('{');
        return appendFields(sb, e, "", "=").append('}').toString();
    }

    /**
     * Appends every field as {@code name<assign>value}, each preceded by {@code ", "} except that the
     * first is preceded by {@code first}: {@code ("", "=")} for {@link #describe}, {@code (", ", ": ")}
     * to continue a YAML flow map.
     */
    public static StringBuilder appendFields(final StringBuilder sb, final GameEvent e, final String first,
        final String assign)
    {
        final EventField[] fields = e.eventType().fields();
        for (int i = 0; i < fields.length; i++)
        {
            sb.append(i == 0 ? first : ", ").append(fields[i].wireName()).append(assign);
            fields[i].appendTo(sb, e);
        }
        return sb;
    }

    /** The event's fields in their fixed order; values are Long, Integer or an enum constant's name. */
    public static List<Map.Entry<String, Object>> fields(final GameEvent e)
    {
        final EventField[] fields = e.eventType().fields();
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
