package io.hytrix.journal;

/**
 * A journal entry whose bytes do not follow {@link JournalCodec}'s layout: written by a newer
 * schema, truncated, or corrupt. Carries the dense index of the entry so an operator can find it
 * with the dump tool.
 */
public final class JournalFormatException extends JournalException
{
    private static final long serialVersionUID = 1L;

    private final long index;
    private final String problem;

    public JournalFormatException(final long index, final String problem)
    {
        super("journal entry " + index + ": " + problem);
        this.index = index;
        this.problem = problem;
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
}
