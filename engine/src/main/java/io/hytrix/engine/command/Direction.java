package io.hytrix.engine.command;

/** The eight compass directions of a {@code move}, with stable ids (0 = N, clockwise). */
public enum Direction
{
    N(0, 0, -1), NE(1, 1, -1), E(2, 1, 0), SE(3, 1, 1), S(4, 0, 1), SW(5, -1, 1), W(6, -1, 0), NW(7, -1, -1);

    private static final Direction[] BY_ID = { N, NE, E, SE, S, SW, W, NW };

    private final byte id;
    private final int dx;
    private final int dy;

    Direction(final int id, final int dx, final int dy)
    {
        this.id = (byte)id;
        this.dx = dx;
        this.dy = dy;
    }

    public byte id()
    {
        return id;
    }

    public int dx()
    {
        return dx;
    }

    public int dy()
    {
        return dy;
    }

    /** @return the direction for a stored id, or null when out of range. */
    public static Direction fromId(final int id)
    {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public static Direction fromName(final String name)
    {
        for (final Direction d : BY_ID)
        {
            if (d.name().equals(name))
            {
                return d;
            }
        }
        return null;
    }
}
