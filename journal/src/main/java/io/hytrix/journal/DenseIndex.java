package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Maps dense journal indexes (0, 1, 2, ... across the whole journal) onto Chronicle indexes,
 * which are {@code cycle << bits | sequence} and so jump at every roll. Within a cycle Chronicle
 * numbers entries densely from 0, so per-cycle counts are all that is needed. Used only when a
 * journal or source opens, never per entry.
 *
 * <p>Counting is where a damaged cycle file shows first: Chronicle scans the data after its last
 * index entry, and a cut-off file or a page the file system cannot back raises an
 * {@link InternalError} from deep inside it, while a zeroed header makes it wait for a header that
 * never comes. So each cycle's header is checked before Chronicle sees the file, and a failed count
 * is turned into a {@link JournalFormatException} naming the first entry of that cycle that cannot
 * be read, found by reading the cycle entry by entry.
 */
final class DenseIndex
{
    /** A roll cycle and its file; the file is null when the directory's files do not line up with the cycles. */
    record CycleFile(int cycle, Path file)
    {
    }

    private DenseIndex()
    {
    }

    /**
     * Checks every cycle file's header before a tailer is created: creating one acquires the first
     * cycle, and on a zeroed header Chronicle waits seconds for it. Counts the cycles before a damaged
     * one (they are sound, so that does not wait) to name its first entry.
     *
     * @throws JournalFormatException naming the first entry of the first cycle whose header is damaged
     */
    static void checkStarts(final SingleChronicleQueue queue)
    {
        final List<CycleFile> cycles = cycles(queue);
        for (int damaged = 0; damaged < cycles.size(); damaged++)
        {
            final Path file = cycles.get(damaged).file();
            if (file != null && QueueFiles.damagedHeader(file) != null)
            {
                long first = PrunedEntries.read(queue.file().toPath());
                if (damaged > 0)
                {
                    try (ExcerptTailer tailer = queue.createTailer())
                    {
                        for (int i = 0; i < damaged; i++)
                        {
                            first += entriesIn(queue, tailer, cycles.get(i), first);
                        }
                    }
                }
                // Throws: the header is checked again and named.
                entriesIn(queue, null, cycles.get(damaged), first);
            }
        }
    }

    /**
     * How many entries the queue holds, counting pruned ones: the next dense index.
     *
     * @throws JournalFormatException if a cycle file is damaged, naming the first entry that cannot be read
     */
    static long count(final SingleChronicleQueue queue, final ExcerptTailer tailer)
    {
        long total = PrunedEntries.read(queue.file().toPath());
        for (final CycleFile cycle : cycles(queue))
        {
            total += entriesIn(queue, tailer, cycle, total);
        }
        return total;
    }

    /**
     * Positions {@code tailer} so its next read is the entry at dense index {@code from}, or the
     * end of the queue when {@code from} equals the entry count. Jumps straight to the right
     * cycle and sequence instead of reading the entries before it.
     *
     * @throws IllegalArgumentException if {@code from} is negative or past the end.
     * @throws JournalFormatException   if a cycle file up to {@code from}'s is damaged
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
        for (final CycleFile cycle : cycles(queue))
        {
            final long inCycle = entriesIn(queue, tailer, cycle, before);
            if (from < before + inCycle)
            {
                final long index = queue.rollCycle().toIndex(cycle.cycle(), from - before);
                final boolean moved;
                try
                {
                    moved = tailer.moveToIndex(index);
                }
                catch (final InternalError | RuntimeException e)
                {
                    throw damaged(queue, cycle, before, e);
                }
                if (!moved)
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

    /**
     * Chronicle's count of the entries in one cycle, after checking the file's header.
     *
     * @param firstIndex dense index of the cycle's first entry, to name a damaged one
     * @throws JournalFormatException if the file's header is damaged or counting faults in the mapped file
     */
    static long entriesIn(final SingleChronicleQueue queue, final ExcerptTailer tailer, final CycleFile cycle, final long firstIndex)
    {
        final Path dir = queue.file().toPath();
        if (cycle.file() != null)
        {
            final String header = QueueFiles.damagedHeader(cycle.file());
            if (header != null)
            {
                throw new JournalFormatException(dir, firstIndex, "the cycle file " + cycle.file() + " holding this entry is damaged at its start: "
                    + header + "; the entries from here on cannot be read", null);
            }
        }
        final long entries;
        try
        {
            entries = tailer.excerptsInCycle(cycle.cycle());
        }
        catch (final InternalError | RuntimeException e)
        {
            throw damaged(queue, cycle, firstIndex, e);
        }
        if (entries < 0)
        {
            throw damaged(queue, cycle, firstIndex, null);
        }
        return entries;
    }

    /**
     * The problem of a cycle Chronicle cannot count or position in: the entries are read one by one
     * (and decoded) from the cycle's start, and the first that cannot be is the one named, so
     * {@code journal repair --truncate-at} there keeps everything that can still be read.
     */
    private static JournalFormatException damaged(final SingleChronicleQueue queue, final CycleFile cycle, final long firstIndex,
        final Throwable cause)
    {
        final long readable = readableIn(queue, cycle.cycle(), firstIndex);
        final String file = cycle.file() == null ? "cycle " + cycle.cycle() + " of " + queue.file() : "the cycle file " + cycle.file();
        return new JournalFormatException(queue.file().toPath(), firstIndex + readable, file + " cannot be read from this entry on ("
            + (cause == null ? "Chronicle cannot count its entries" : QueueFiles.describeFault(cause)) + ")", cause);
    }

    /** How many entries from the start of {@code cycle} read and decode before the first that does not. */
    private static long readableIn(final SingleChronicleQueue queue, final int cycle, final long firstIndex)
    {
        final CommandEvent scratch = new CommandEvent();
        long readable = 0;
        try (ExcerptTailer probe = queue.createTailer())
        {
            probe.singleThreadedCheckDisabled(true);
            if (!probe.moveToIndex(queue.rollCycle().toIndex(cycle, 0)))
            {
                return 0;
            }
            while (true)
            {
                try (DocumentContext dc = probe.readingDocument())
                {
                    if (!dc.isPresent() || queue.rollCycle().toCycle(dc.index()) != cycle)
                    {
                        return readable;
                    }
                    JournalCodec.decode(dc.wire().bytes(), scratch, firstIndex + readable);
                }
                readable++;
            }
        }
        catch (final InternalError | RuntimeException e)
        {
            return readable;
        }
    }

    /** The queue's cycles in order, each with its file when the directory's cycle files match them one for one. */
    static List<CycleFile> cycles(final SingleChronicleQueue queue)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        // An empty queue reports first > last (MAX_VALUE / MIN_VALUE).
        final NavigableSet<Long> cycles = first > last ? Collections.emptyNavigableSet() : queue.listCyclesBetween(first, last);
        final List<Path> files = QueueFiles.cycleFiles(queue.file().toPath());
        final List<CycleFile> result = new ArrayList<>(cycles.size());
        int i = 0;
        // Chronicle names cycle files by date, so name order is cycle order.
        for (final Long cycle : cycles)
        {
            result.add(new CycleFile(cycle.intValue(), files.size() == cycles.size() ? files.get(i++) : null));
        }
        return result;
    }
}
