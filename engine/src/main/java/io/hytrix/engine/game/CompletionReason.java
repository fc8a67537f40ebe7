package io.hytrix.engine.game;

/** Why a hunt completed, with stable ids. */
public enum CompletionReason
{
    TREASURES(1),
    TIME(2),
    ABORTED(3);

    private final byte id;

    CompletionReason(final int id)
    {
        this.id = (byte)id;
    }

    public byte id()
    {
        return id;
    }
}
