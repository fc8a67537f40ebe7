package io.hytrix.journal.output;

import io.hytrix.journal.JournalException;

/** An output-queue record this build cannot read: a newer schema, a torn or foreign excerpt. */
public final class OutputFormatException extends JournalException
{
    private static final long serialVersionUID = 1L;

    public OutputFormatException(final String message)
    {
        super(message);
    }

    /** With the failure that made the record unreadable (Chronicle's fault in a mapped page). */
    public OutputFormatException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
