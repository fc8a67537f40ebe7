package io.hytrix.journal;

import net.openhft.chronicle.core.io.Closeable;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A queue and the one appender or tailer opened on it, closed together, once: the appender or
 * tailer first, the queue even if that fails. Every reader and writer of a queue here holds one.
 */
public final class QueueHandle
{
    private final SingleChronicleQueue queue;
    private final Closeable user;
    private boolean closed;

    public QueueHandle(final SingleChronicleQueue queue, final Closeable user)
    {
        this.queue = queue;
        this.user = user;
    }

    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            user.close();
        }
        finally
        {
            queue.close();
        }
    }
}
