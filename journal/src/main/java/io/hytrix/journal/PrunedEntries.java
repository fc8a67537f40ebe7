package io.hytrix.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How many entries {@code journal prune} removed from the front of a journal, kept in a small
 * sidecar file so journal indexes stay the same after a prune: the first remaining entry keeps its
 * index instead of becoming 0, and snapshots taken before the prune still line up.
 */
final class PrunedEntries
{
    static final String FILE = "hytrix-pruned-entries";

    private PrunedEntries()
    {
    }

    static long read(final Path dir)
    {
        final Path file = dir.resolve(FILE);
        if (!Files.exists(file))
        {
            return 0;
        }
        try
        {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        catch (final IOException | NumberFormatException e)
        {
            throw new JournalException("cannot read " + file + ": " + QueueFiles.describe(e), e);
        }
    }

    static void write(final Path dir, final long count)
    {
        final Path file = dir.resolve(FILE);
        final Path tmp = dir.resolve(FILE + ".tmp");
        try
        {
            Files.writeString(tmp, Long.toString(count) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot write " + file + ": " + QueueFiles.describe(e), e);
        }
    }

    static void clear(final Path dir)
    {
        try
        {
            Files.deleteIfExists(dir.resolve(FILE));
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot clear " + dir.resolve(FILE) + ": " + QueueFiles.describe(e), e);
        }
    }
}
