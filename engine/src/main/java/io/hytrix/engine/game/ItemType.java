package io.hytrix.engine.game;

/** Treasure items, with stable ids (0 means an empty inventory slot). */
public enum ItemType
{
    COIN(1, 10),
    BOOTS(2, 2),
    COMPASS(3, 2);

    private static final ItemType[] BY_ID = { null, COIN, BOOTS, COMPASS };

    private final byte id;
    private final int score;

    ItemType(final int id, final int score)
    {
        this.id = (byte)id;
        this.score = score;
    }

    public byte id()
    {
        return id;
    }

    /** Points the finder earns when digging it up. */
    public int score()
    {
        return score;
    }

    public static ItemType fromId(final int id)
    {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
