package io.hytrix.cli;

/** A bad argument or unreadable input: printed as one line, exit code 2. */
public final class UsageException extends RuntimeException
{
    public UsageException(final String message)
    {
        super(message);
    }
}
