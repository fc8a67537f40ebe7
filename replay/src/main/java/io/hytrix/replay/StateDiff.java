package io.hytrix.replay;

import io.hytrix.engine.game.GameHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/** An actor's state on two sides, field by field, differing fields marked. */
public final class StateDiff
{
    private StateDiff()
    {
    }

    public static String actor(final long actorId, final GameHandler a, final GameHandler b)
    {
        return actor(actorId, ActorTracer.describe(a, actorId), ActorTracer.describe(b, actorId));
    }

    /** Two renderings of {@link ActorTracer#describe} (e.g. from two builds), field by field. */
    public static String actor(final long actorId, final String a, final String b)
    {
        final Map<String, String> left = fields(a);
        final Map<String, String> right = fields(b);
        final StringBuilder sb = new StringBuilder("  actor ").append(actorId).append(':');
        final java.util.Set<String> names = new java.util.LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        for (final String name : names)
        {
            final String l = left.getOrDefault(name, "-");
            final String r = right.getOrDefault(name, "-");
            sb.append("\n    ").append(name).append(": A ").append(l).append(l.equals(r) ? " | B " : " ≠ B ").append(r);
        }
        return sb.toString();
    }

    /** Splits ActorTracer's flow map {@code {hunt: 1, x: 2, inventory: [..]}} into its top-level fields. */
    public static Map<String, String> fields(final String flow)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        if (!flow.startsWith("{"))
        {
            fields.put("state", flow);
            return fields;
        }
        final String body = flow.substring(1, flow.length() - 1);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++)
        {
            final char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                final String part = body.substring(start, i).trim();
                final int colon = part.indexOf(':');
                fields.put(part.substring(0, colon), part.substring(colon + 1).trim());
                start = i + 1;
            }
        }
        return fields;
    }
}
