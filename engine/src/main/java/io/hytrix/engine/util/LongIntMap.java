package io.hytrix.engine.util;

/**
 * Open-addressing map from long keys to non-negative int values, linear probing with backward-shift
 * deletion, fixed capacity. Allocation-free after construction. Never iterated: callers that need
 * an order keep it themselves, so no output can depend on hash layout.
 *
 * <p>Each slot is two adjacent longs (key, value + 1; 0 marks an empty slot), so a probe touches one
 * cache line, not one in a key array and another in a value array: the idempotency window probes
 * this map three times per command and was measured spending most of its time on cache misses.
 */
public final class LongIntMap
{
    public static final int MISSING = -1;

    private final long[] slots;
    private final int mask;
    private int size;

    /** @param capacity the most entries it will hold; the table is sized for a load factor of at most 0.5. */
    public LongIntMap(final int capacity)
    {
        final int tableSize = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
        slots = new long[tableSize * 2];
        mask = tableSize - 1;
    }

    public int size()
    {
        return size;
    }

    public int get(final long key)
    {
        int i = index(key);
        long stored;
        while ((stored = slots[(i << 1) + 1]) != 0)
        {
            if (slots[i << 1] == key)
            {
                return (int)stored - 1;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    public void put(final long key, final int value)
    {
        int i = index(key);
        while (slots[(i << 1) + 1] != 0)
        {
            if (slots[i << 1] == key)
            {
                slots[(i << 1) + 1] = value + 1L;
                return;
            }
            i = (i + 1) & mask;
        }
        if (size * 2 >= mask + 1)
        {
            throw new IllegalStateException("LongIntMap over capacity: " + size);
        }
        slots[i << 1] = key;
        slots[(i << 1) + 1] = value + 1L;
        size++;
    }

    public int remove(final long key)
    {
        int i = index(key);
        long stored;
        while ((stored = slots[(i << 1) + 1]) != 0)
        {
            if (slots[i << 1] == key)
            {
                shiftBack(i);
                size--;
                return (int)stored - 1;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    public void clear()
    {
        java.util.Arrays.fill(slots, 0);
        size = 0;
    }

    private void shiftBack(final int removed)
    {
        int hole = removed;
        int i = (removed + 1) & mask;
        while (slots[(i << 1) + 1] != 0)
        {
            final int home = index(slots[i << 1]);
            // Move the entry into the hole unless its home lies cyclically in (hole, i].
            final boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!homeBetween)
            {
                slots[hole << 1] = slots[i << 1];
                slots[(hole << 1) + 1] = slots[(i << 1) + 1];
                hole = i;
            }
            i = (i + 1) & mask;
        }
        slots[(hole << 1) + 1] = 0;
    }

    private int index(final long key)
    {
        return (int)(SplitMix64.mix(key) & mask);
    }
}
