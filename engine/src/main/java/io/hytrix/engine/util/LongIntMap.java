package io.hytrix.engine.util;

/**
 * Open-addressing map from long keys to non-negative int values, linear probing with backward-shift
 * deletion, fixed capacity. Allocation-free after construction. Never iterated: callers that need
 * an order keep it themselves, so no output can depend on hash layout.
 */
public final class LongIntMap
{
    public static final int MISSING = -1;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    /** @param capacity the most entries it will hold; the table is sized for a load factor of at most 0.5. */
    public LongIntMap(final int capacity)
    {
        final int tableSize = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
        keys = new long[tableSize];
        values = new int[tableSize];
        java.util.Arrays.fill(values, MISSING);
        mask = tableSize - 1;
    }

    public int size()
    {
        return size;
    }

    public int get(final long key)
    {
        int i = index(key);
        while (values[i] != MISSING)
        {
            if (keys[i] == key)
            {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    public void put(final long key, final int value)
    {
        int i = index(key);
        while (values[i] != MISSING)
        {
            if (keys[i] == key)
            {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        if (size * 2 >= keys.length)
        {
            throw new IllegalStateException("LongIntMap over capacity: " + size);
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    public int remove(final long key)
    {
        int i = index(key);
        while (values[i] != MISSING)
        {
            if (keys[i] == key)
            {
                final int old = values[i];
                shiftBack(i);
                size--;
                return old;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    public void clear()
    {
        java.util.Arrays.fill(values, MISSING);
        size = 0;
    }

    private void shiftBack(final int removed)
    {
        int hole = removed;
        int i = (removed + 1) & mask;
        while (values[i] != MISSING)
        {
            final int home = index(keys[i]);
            // Move the entry into the hole unless its home lies cyclically in (hole, i].
            final boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!homeBetween)
            {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
            i = (i + 1) & mask;
        }
        values[hole] = MISSING;
    }

    private int index(final long key)
    {
        return (int)(SplitMix64.mix(key) & mask);
    }
}
