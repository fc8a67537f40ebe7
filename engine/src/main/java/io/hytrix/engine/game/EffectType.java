package io.hytrix.engine.game;

/** Active effects, with stable ids (0 means an empty effect slot). */
public enum EffectType
{
    /** From BOOTS: two path steps per tick. */
    SPEED(1);

    private final byte id;

    EffectType(final int id)
    {
        this.id = (byte)id;
    }

    public byte id()
    {
        return id;
    }

    public static EffectType fromId(final int id)
    {
        return id == 1 ? SPEED : null;
    }
}
