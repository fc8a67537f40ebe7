package io.hytrix.journal;

import java.util.Collections;
import java.util.NavigableSet;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Maps dense journal indexes (0, 1, 2, ... across the whole journal) onto Chronicle indexes,
 * which are {@code cycle << bits | sequence} and so jump at every roll. Within a cycle Chronicle
 * numbers entries densely from 0, so per-cycle counts are all that is needed. Used only when a
 * journal or source opens, never per entry.
 */
final class DenseIndex
{
    private DenseIndex()
    {
    }

    /** How many entries the queue holds, counting pruned ones: the next dense index. */
    static long count(final SingleChronicleQueue queue, final ExcerptTailer tailer)
    {
        long total = PrunedEntries.read(queue.file().toPath());
        for (final Long cycle : cycles(queue))
        {
            total += tailer.excerptsInCycle(cycle.intValue());
        }
        return total;
    }

    /**
     * Positions {@code tailer} so its next read is the entry at dense index {@code from}, or the
     * end of the queue when {@code from} equals the entry count. Jumps straight to the right
     * cycle and sequence instead of reading the entries before it.
     *
     * @throws IllegalArgumentException if {@code from} is negative or past the end.
     */
    static void seek(final SingleChronicleQueue queue, final ExcerptTailer tailer, final long from)
    {
        if (from < 0)
        {
            throw new IllegalArgumentException("journal index must not be negative: " + from);
        }
        long before = PrunedEntries.read(queue.file().toPath());
        if (from < before)
        {
            throw new IllegalArgumentException("journal index " + from + " was pruned from " + queue.file()
                + ", which now starts at index " + before + "; start from a snapshot at or after it");
        }
        for (final Long cycle : cycles(queue))
        {
            final long inCycle = tailer.excerptsInCycle(cycle.intValue());
            if (from < before + inCycle)
            {
                final long index = queue.rollCycle().toIndex(cycle.intValue(), from - before);
                if (!tailer.moveToIndex(index))
                {
                    throw new JournalException("cannot position at journal index " + from + " (Chronicle index 0x"
                        + Long.toHexString(index) + ") in " + queue.file());
                }
                return;
            }
            before += inCycle;
        }
        if (from > before)
        {
            throw new IllegalArgumentException("journal index " + from + " is past the end of " + queue.file() + ", which holds " + before + " entries");
        }
        tailer.toEnd();
    }

    private static NavigableSet<Long> cycles(final SingleChronicleQueue queue)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        // An empty queue reports first > last (MAX_VALUE / MIN_VALUE).
        return first > last ? Collections.emptyNavigableSet() : queue.listCyclesBetween(first, last);
    }
}
