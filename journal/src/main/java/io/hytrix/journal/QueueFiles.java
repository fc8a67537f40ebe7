package io.hytrix.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * File-system checks around a journal directory, done before Chronicle sees it so that errors
 * name the directory in one line instead of surfacing as a Chronicle stack trace.
 */
public final class QueueFiles
{
    /** Chronicle's cycle files and its metadata/table-store files: the only files a journal owns. */
    private static final String QUEUE_FILE_GLOB = "*.{cq4,cq4t}";

    /** Bits of a Chronicle header word: still being written, metadata (not data), and the length. */
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int META_DATA = 0x4000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;

    private QueueFiles()
    {
    }

    /** The sibling of a journal directory named {@code JOURNAL.suffix}, e.g. {@code data/journal.outputs}. */
    public static Path besideJournal(final Path journal, final String suffix)
    {
        final Path name = journal.getFileName();
        if (name != null && !name.toString().equals(".") && !name.toString().equals(".."))
        {
            return journal.resolveSibling(name + "." + suffix); // relative stays relative, for messages
        }
        final Path absolute = journal.toAbsolutePath().normalize();
        final Path last = absolute.getFileName();
        return absolute.resolveSibling((last == null ? "journal" : last.toString()) + "." + suffix);
    }

    /** Fills the copy of a queue directory that {@link #rewrite} puts in the original's place. */
    @FunctionalInterface
    public interface CopyFiller
    {
        void fill(Path copy) throws IOException;
    }

    /**
     * Builds a queue, turning Chronicle's failure into one line that names {@code what} and {@code dir}.
     *
     * @throws JournalException if the queue cannot be opened
     */
    public static SingleChronicleQueue open(final Supplier<SingleChronicleQueue> build, final String what, final Path dir)
    {
        try
        {
            return build.get();
        }
        catch (final RuntimeException e)
        {
            throw new JournalException("cannot open " + what + " in " + dir + ": " + describe(e), e);
        }
        catch (final InternalError e)
        {
            // Chronicle reads the metadata file and the newest cycle's header while building.
            throw new JournalException("cannot open " + what + " in " + dir + ": " + describeFault(e), e);
        }
    }

    /** The cycle files ({@code *.cq4}) directly in {@code dir}, in name order, which is cycle order. */
    static List<Path> cycleFiles(final Path dir)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list " + dir + ": " + describe(e), e);
        }
    }

    /**
     * Checks the first header word of a cycle file with plain file I/O, before Chronicle maps it:
     * a file whose header is zeros (a hole punched at its start, zeroed bytes, a creation cut short)
     * makes Chronicle wait seconds for a writer to finish the header and then report an empty cycle.
     *
     * @return what is wrong, or null when the file starts with a finished Chronicle header
     */
    static String damagedHeader(final Path file)
    {
        final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            int read = 0;
            while (word.hasRemaining() && read >= 0)
            {
                read = channel.read(word, word.position());
            }
        }
        catch (final IOException e)
        {
            return "cannot read its header: " + describe(e);
        }
        if (word.hasRemaining())
        {
            return "it is " + word.position() + " bytes long, shorter than a header";
        }
        final int header = word.getInt(0);
        if (header == 0)
        {
            return "its header is zeros (a hole or zeroed bytes at the start of the file)";
        }
        if ((header & NOT_COMPLETE) != 0 || (header & META_DATA) == 0 || (header & LENGTH_MASK) == 0)
        {
            return "it does not start with a finished Chronicle header (0x" + Integer.toHexString(header) + ")";
        }
        return null;
    }

    /**
     * Names a failure Chronicle raised while reading a mapped file. An {@link InternalError} there is
     * the JVM's report of a SIGBUS: the page lies past the end of a truncated file, or the file
     * system could not back it (a hole on a full tmpfs).
     */
    public static String describeFault(final Throwable e)
    {
        if (e instanceof InternalError)
        {
            return "a fault reading the memory-mapped file: a hole, a truncated file or a page the file system cannot back ("
                + describe(e) + ")";
        }
        return describe(e);
    }

    /**
     * Rewrites a queue directory no process is writing: {@code fill} writes a fresh sibling copy, the
     * original is renamed to {@code <dir>.before-repair} (or {@code -1}, {@code -2}, ...; nothing is
     * deleted) and the copy takes its place.
     *
     * @return where the original now is
     * @throws JournalException naming {@code failure} when a file operation fails
     */
    public static Path rewrite(final Path dir, final CopyFiller fill, final String failure)
    {
        final Path copy = dir.resolveSibling(dir.getFileName() + ".repairing");
        final Path backup = freeName(dir.resolveSibling(dir.getFileName() + ".before-repair"));
        try
        {
            if (Files.exists(copy))
            {
                deleteQueueFiles(copy);
                Files.deleteIfExists(copy);
            }
            Files.createDirectories(copy);
            fill.fill(copy);
            Files.move(dir, backup);
            Files.move(copy, dir);
            return backup;
        }
        catch (final IOException e)
        {
            throw new JournalException(failure + ": " + describe(e), e);
        }
    }

    /** {@code base}, or {@code base-1}, {@code base-2}, ...: the first name nothing has yet. */
    private static Path freeName(final Path base)
    {
        Path candidate = base;
        for (int n = 1; Files.exists(candidate); n++)
        {
            candidate = base.resolveSibling(base.getFileName() + "-" + n);
        }
        return candidate;
    }

    /** Makes sure {@code dir} exists (creating it and its parents) and is a writable directory. */
    static void prepareForWriting(final Path dir)
    {
        prepareForWriting(dir, "journal");
    }

    /** As {@link #prepareForWriting(Path)}, with {@code what} ("journal", "output queue") in messages. */
    public static void prepareForWriting(final Path dir, final String what)
    {
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new JournalException(what + " directory " + dir + " is a file, not a directory");
        }
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException | SecurityException e)
        {
            throw new JournalException("cannot create " + what + " directory " + dir + ": " + describe(e), e);
        }
        if (!Files.isWritable(dir))
        {
            throw new JournalException(what + " directory " + dir + " is not writable");
        }
    }

    /** Throws unless {@code dir} is a directory holding at least one queue file; never creates anything. */
    static void requireJournal(final Path dir)
    {
        requireQueue(dir, "journal");
    }

    /** As {@link #requireJournal}, with {@code what} ("journal", "output queue") in messages. */
    public static void requireQueue(final Path dir, final String what)
    {
        if (!Files.exists(dir))
        {
            throw new JournalException("no " + what + " in " + dir + ": the directory does not exist");
        }
        if (!Files.isDirectory(dir))
        {
            throw new JournalException("no " + what + " in " + dir + ": it is a file, not a directory");
        }
        if (!Files.isReadable(dir))
        {
            throw new JournalException("no " + what + " in " + dir + ": the directory is not readable");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, QUEUE_FILE_GLOB))
        {
            for (final Path ignored : files)
            {
                return;
            }
        }
        catch (final IOException e)
        {
            throw new JournalException("no " + what + " in " + dir + ": cannot list it: " + describe(e), e);
        }
        throw new JournalException("no " + what + " in " + dir + ": it holds no Chronicle Queue files (*.cq4, *.cq4t)");
    }

    /**
     * Deletes the queue files directly in {@code dir}. Subdirectories, other files and files that
     * merely link elsewhere are left alone (a link is removed, never its target).
     *
     * @return how many files were deleted.
     */
    public static int deleteQueueFiles(final Path dir)
    {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, QUEUE_FILE_GLOB))
        {
            for (final Path file : files)
            {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file))
                {
                    Files.delete(file);
                    deleted++;
                }
            }
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot clear journal directory " + dir + ": " + describe(e), e);
        }
        PrunedEntries.clear(dir);
        return deleted;
    }

    public static String describe(final Throwable e)
    {
        // NIO messages are often just the path; the exception type says what actually happened.
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
