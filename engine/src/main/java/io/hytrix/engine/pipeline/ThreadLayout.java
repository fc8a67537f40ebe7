package io.hytrix.engine.pipeline;

/**
 * How the journaller and the business-logic handler are placed on threads. Journal-before-apply
 * holds in both: SPLIT gates the handler on the journaller's sequence; COMPOSED appends then applies.
 */
public enum ThreadLayout
{
    /** The LMAX layout: journaller and handler on their own threads (best with spare cores). */
    SPLIT,
    /** Journaller and handler on one thread (fewer threads to schedule on small machines). */
    COMPOSED;

    public static ThreadLayout parse(final String text)
    {
        for (final ThreadLayout layout : values())
        {
            if (layout.name().equalsIgnoreCase(text))
            {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown thread layout '" + text + "' (split, composed)");
    }
}
