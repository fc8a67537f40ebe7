package io.hytrix.journal.output;

/** An output-queue record this build cannot read: a newer schema, a torn or foreign excerpt. */
public final class OutputFormatException extends RuntimeException
{
    public OutputFormatException(final String message)
    {
        super(message);
    }
}
