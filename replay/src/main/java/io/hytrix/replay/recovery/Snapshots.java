package io.hytrix.replay.recovery;

import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.StateSnapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A handler's state to snapshot bytes and back (the engine's {@link StateSnapshot} format). */
public final class Snapshots
{
    private Snapshots()
    {
    }

    /** Call on the handler thread or with the pipeline halted. */
    public static byte[] capture(final GameHandler handler)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try
        {
            StateSnapshot.write(handler, new DataOutputStream(bytes));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a byte array never fails
        }
        return bytes.toByteArray();
    }

    public static void restore(final GameHandler fresh, final byte[] payload) throws IOException
    {
        StateSnapshot.read(fresh, new DataInputStream(new ByteArrayInputStream(payload)));
    }
}
