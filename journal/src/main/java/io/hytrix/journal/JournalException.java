package io.hytrix.journal;

/**
 * The journal could not be opened or used: a directory that cannot be created or written, a
 * path that is a file, a directory with no journal in it. The message is one line and names the
 * directory, because it is shown to an operator as is.
 */
public class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalException(final String message)
    {
        super(message);
    }

    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
