package io.hytrix.journal.snapshot;

/** A snapshot file that fails its framing or checksum. */
public final class CorruptSnapshotException extends java.io.IOException
{
    public CorruptSnapshotException(final String message)
    {
        super(message);
    }
}
