package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline operations on a journal that no process is writing: verify every entry, truncate at a
 * corrupt entry (keeping the original aside), and prune roll-cycle files a snapshot covers.
 */
public final class JournalMaintenance
{
    private JournalMaintenance()
    {
    }

    /** The result of reading a whole journal: how many entries decode, and the first that does not. */
    public record Verification(long entries, long firstCorruptIndex, String problem)
    {
        public boolean clean()
        {
            return firstCorruptIndex < 0;
        }
    }

    /** One roll-cycle file and the dense journal indexes it holds. */
    public record Cycle(int cycle, Path file, long firstIndex, long entries)
    {
        public long lastIndex()
        {
            return firstIndex + entries - 1;
        }
    }

    /** Decodes every entry; stops at the first that does not decode. */
    public static Verification verify(final Path dir)
    {
        final CommandEvent cmd = new CommandEvent();
        long read = 0;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir, PrunedEntries.read(dir)))
        {
            while (source.next(cmd))
            {
                read++;
            }
            return new Verification(PrunedEntries.read(dir) + read, -1, null);
        }
        catch (final JournalFormatException e)
        {
            return new Verification(e.index(), e.index(), e.getMessage());
        }
    }

    /**
     * Keeps entries {@code [first, keep)} and drops the rest: the entries are copied byte for byte into
     * a new queue, the original directory is renamed to {@code <dir>.before-repair-<n>} (nothing is
     * deleted), and the copy takes its place.
     *
     * @return where the original journal now is
     */
    public static Path truncate(final Path dir, final long keep)
    {
        QueueFiles.requireJournal(dir);
        final long pruned = PrunedEntries.read(dir);
        if (keep < pruned)
        {
            throw new IllegalArgumentException("cannot truncate at " + keep + ": entries before " + pruned + " were pruned");
        }
        return QueueFiles.rewrite(dir, copy ->
        {
            final long copied = copyRaw(dir, copy, keep - pruned);
            if (copied != keep - pruned)
            {
                throw new JournalException("journal in " + dir + " holds only " + (pruned + copied)
                    + " entries, fewer than " + keep);
            }
            if (pruned > 0)
            {
                PrunedEntries.write(copy, pruned);
            }
        }, "cannot repair " + dir);
    }

    /** The roll-cycle files in order, with the dense indexes each holds. */
    public static List<Cycle> cycles(final Path dir)
    {
        QueueFiles.requireJournal(dir);
        final List<Cycle> cycles = new ArrayList<>();
        final List<Path> files = cycleFiles(dir);
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer())
        {
            long first = PrunedEntries.read(dir);
            if (queue.firstCycle() > queue.lastCycle())
            {
                return cycles;
            }
            int i = 0;
            // Chronicle names cycle files by date, so name order is cycle order.
            for (final Long cycle : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle()))
            {
                final long entries = tailer.excerptsInCycle(cycle.intValue());
                cycles.add(new Cycle(cycle.intValue(), files.get(i++), first, entries));
                first += entries;
            }
        }
        return cycles;
    }

    /**
     * Deletes the roll-cycle files whose every entry is at or below {@code coveredThrough} (the
     * last journal index a valid snapshot includes), never the newest cycle, and records how many
     * entries went so indexes stay stable.
     *
     * @return the files deleted
     */
    public static List<Path> prune(final Path dir, final long coveredThrough)
    {
        final List<Cycle> cycles = cycles(dir);
        final List<Path> deleted = new ArrayList<>();
        long pruned = PrunedEntries.read(dir);
        for (int i = 0; i < cycles.size() - 1; i++)
        {
            final Cycle cycle = cycles.get(i);
            if (cycle.lastIndex() > coveredThrough)
            {
                break;
            }
            try
            {
                Files.delete(cycle.file());
            }
            catch (final IOException e)
            {
                throw new JournalException("cannot delete " + cycle.file() + ": " + QueueFiles.describe(e), e);
            }
            pruned += cycle.entries();
            PrunedEntries.write(dir, pruned);
            deleted.add(cycle.file());
        }
        if (!deleted.isEmpty())
        {
            // Chronicle keeps the lowest and highest cycle in its metadata file; make it look again.
            try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
            {
                queue.refreshDirectoryListing();
            }
        }
        return deleted;
    }

    private static long copyRaw(final Path from, final Path to, final long count)
    {
        long copied = 0;
        try (SingleChronicleQueue source = SingleChronicleQueueBuilder.binary(from).readOnly(true).build();
             ExcerptTailer tailer = source.createTailer();
             SingleChronicleQueue target = SingleChronicleQueueBuilder.binary(to).rollCycle(source.rollCycle()).build();
             ExcerptAppender appender = target.createAppender())
        {
            final Bytes<?> buffer = Bytes.allocateElasticOnHeap(256);
            while (copied < count)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    buffer.clear();
                    buffer.write(dc.wire().bytes());
                }
                try (DocumentContext out = appender.writingDocument())
                {
                    out.wire().bytes().write(buffer);
                }
                copied++;
            }
        }
        return copied;
    }

    private static List<Path> cycleFiles(final Path dir)
    {
        try (java.util.stream.Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list " + dir + ": " + QueueFiles.describe(e), e);
        }
    }
}
