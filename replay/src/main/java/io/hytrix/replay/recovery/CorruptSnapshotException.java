package io.hytrix.replay.recovery;

/** A snapshot file that fails its framing or checksum. */
public final class CorruptSnapshotException extends java.io.IOException
{
    public CorruptSnapshotException(final String message)
    {
        super(message);
    }
}
