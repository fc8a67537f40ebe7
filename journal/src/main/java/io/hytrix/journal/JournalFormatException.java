package io.hytrix.journal;

import java.nio.file.Path;

/**
 * A journal entry that cannot be read back: bytes that do not follow {@link JournalCodec}'s layout
 * (written by a newer schema, truncated, zeros a failed append left behind), or a damaged cycle file
 * (a hole, zeroed or cut-off bytes, a page the file system cannot back). Carries the dense index of
 * the first entry that cannot be read, so an operator can find it with the dump tool and cut the
 * journal there.
 *
 * <p>Thrown without a directory by the codec, which only sees bytes; the readers that know which
 * journal they read ({@link ChronicleCommandSource}, {@link JournalMaintenance}) add it with
 * {@link #in}, and the message then ends with the repair command, so the one line an operator sees
 * says what to run.
 */
public final class JournalFormatException extends JournalException
{
    private static final long serialVersionUID = 1L;

    private final long index;
    private final String problem;
    private final Path directory;

    public JournalFormatException(final long index, final String problem)
    {
        this(null, index, problem, null);
    }

    /**
     * @param directory the journal, named in the repair command; null when the caller does not know it
     * @param cause     what Chronicle raised (an {@link InternalError} from a mapped page), or null
     */
    public JournalFormatException(final Path directory, final long index, final String problem, final Throwable cause)
    {
        super(message(directory, index, problem), cause);
        this.index = index;
        this.problem = problem;
        this.directory = directory;
    }

    private static String message(final Path directory, final long index, final String problem)
    {
        final String base = "journal entry " + index + ": " + problem;
        return directory == null ? base
            : base + "; to keep the " + index + " entries before it, run " + repairCommand(directory, index);
    }

    /** The command that keeps entries {@code [0, index)} of {@code directory} and drops the rest. */
    public static String repairCommand(final Path directory, final long index)
    {
        return "./hytrix journal repair " + directory + " --truncate-at " + index;
    }

    /** This problem, naming {@code journal} (and so its repair command); itself when it already names one. */
    public JournalFormatException in(final Path journal)
    {
        return directory != null ? this : new JournalFormatException(journal, index, problem, getCause() == null ? this : getCause());
    }

    /** Dense journal index of the bad entry. */
    public long index()
    {
        return index;
    }

    /** What is wrong with the entry, without the index prefix. */
    public String problem()
    {
        return problem;
    }

    /** The journal the entry is in, or null when the thrower did not know it. */
    public Path directory()
    {
        return directory;
    }
}
