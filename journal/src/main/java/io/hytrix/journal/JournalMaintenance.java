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

    /**
     * Decodes every entry; stops at the first that does not decode or cannot be read (a damaged cycle
     * file: a zeroed header, a hole, a cut-off end, a fault in a mapped page). The problem names the
     * journal and the repair command.
     */
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
            return new Verification(e.index(), e.index(), e.in(dir).getMessage());
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

    /**
     * The roll-cycle files in order, with the dense indexes each holds.
     *
     * @throws JournalFormatException if a cycle file is damaged, naming the first entry that cannot be read
     */
    public static List<Cycle> cycles(final Path dir)
    {
        QueueFiles.requireJournal(dir);
        final List<Cycle> cycles = new ArrayList<>();
        try (SingleChronicleQueue queue = checkedReadOnly(dir);
             ExcerptTailer tailer = queue.createTailer())
        {
            long first = PrunedEntries.read(dir);
            for (final DenseIndex.CycleFile cycle : DenseIndex.cycles(queue))
            {
                if (cycle.file() == null)
                {
                    throw new JournalException("the cycle files in " + dir + " do not match the cycles Chronicle lists: "
                        + QueueFiles.cycleFiles(dir));
                }
                final long entries = DenseIndex.entriesIn(queue, tailer, cycle, first);
                cycles.add(new Cycle(cycle.cycle(), cycle.file(), first, entries));
                first += entries;
            }
        }
        catch (final JournalFormatException e)
        {
            throw e.in(dir);
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
            try (SingleChronicleQueue queue = QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(dir).build(), "journal", dir))
            {
                queue.refreshDirectoryListing();
            }
        }
        return deleted;
    }

    private static SingleChronicleQueue readOnly(final Path dir)
    {
        return QueueFiles.open(() -> SingleChronicleQueueBuilder.binary(dir).readOnly(true).build(), "journal", dir);
    }

    /** As {@link #readOnly}, refusing a cycle file with a damaged header before a tailer waits on it. */
    private static SingleChronicleQueue checkedReadOnly(final Path dir)
    {
        final SingleChronicleQueue queue = readOnly(dir);
        try
        {
            DenseIndex.checkStarts(queue);
            return queue;
        }
        catch (final RuntimeException e)
        {
            queue.close();
            throw e;
        }
    }

    /**
     * Copies the first {@code count} entries byte for byte; reading never goes further, so a damaged
     * file after them is never touched. An entry before them that cannot be read stops the repair,
     * naming it: the original is left as it was.
     */
    private static long copyRaw(final Path from, final Path to, final long count)
    {
        final long pruned = PrunedEntries.read(from);
        long copied = 0;
        if (count == 0)
        {
            // Nothing to read, and the first cycle may be the damaged one a tailer would wait on.
            try (SingleChronicleQueue source = readOnly(from);
                 SingleChronicleQueue target = SingleChronicleQueueBuilder.binary(to).rollCycle(source.rollCycle()).build())
            {
                return 0;
            }
        }
        try (SingleChronicleQueue source = readOnly(from);
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
                catch (final InternalError | RuntimeException e)
                {
                    throw new JournalFormatException(from, pruned + copied, "cannot be read, so the repair cannot keep it: "
                        + QueueFiles.describeFault(e), e);
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
}
