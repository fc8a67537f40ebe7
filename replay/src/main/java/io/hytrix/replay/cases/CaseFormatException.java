package io.hytrix.replay.cases;

/** A rule case file that cannot be read: the message names the file and the entry. */
public final class CaseFormatException extends IllegalArgumentException
{
    public CaseFormatException(final String message)
    {
        super(message);
    }
}
