package io.hytrix.engine.game;

/** Why a hunt completed, with stable ids. */
public enum CompletionReason
{
    TREASURES(1),
    TIME(2),
    ABORTED(3);

    private static final CompletionReason[] VALUES = values();

    private final byte id;

    CompletionReason(final int id)
    {
        this.id = (byte)id;
    }

    public byte id()
    {
        return id;
    }

    /** @throws IllegalArgumentException for an id no constant has. */
    public static CompletionReason fromId(final int id)
    {
        for (final CompletionReason value : VALUES)
        {
            if (value.id == id)
            {
                return value;
            }
        }
        throw new IllegalArgumentException("no CompletionReason with id " + id);
    }
}
