package io.hytrix.replay.recovery;

import io.hytrix.engine.game.StateView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes snapshots for a live service without stalling the handler longer than it must: the state
 * is serialised on the handler thread (the only thread allowed to read it; this is the stall,
 * measured), and the bytes are written, forced and renamed by a background thread.
 */
public final class SnapshotTaker implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);

    private final SnapshotStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task ->
    {
        final Thread thread = new Thread(task, "hytrix-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastStallNanos;
    private volatile long lastBytes;
    private volatile long lastWriteNanos;
    private volatile long lastIndex = -1;
    private volatile long taken;

    public SnapshotTaker(final SnapshotStore store)
    {
        this.store = store;
    }

    /**
     * Call on the handler thread (from {@code EngineListener.onQuery} for a SNAPSHOT query).
     *
     * @return how long the handler was held, in nanoseconds
     */
    public long take(final StateView view)
    {
        final long start = System.nanoTime();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try
        {
            view.writeSnapshot(new DataOutputStream(bytes));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("a byte array cannot fail", ex);
        }
        final long index = view.lastJournalIndex();
        final byte[] payload = bytes.toByteArray();
        final long stall = System.nanoTime() - start;
        lastStallNanos = stall;
        writer.execute(() -> write(index, payload));
        return stall;
    }

    private void write(final long index, final byte[] payload)
    {
        final long start = System.nanoTime();
        try
        {
            store.write(index, payload);
            lastWriteNanos = System.nanoTime() - start;
            lastBytes = payload.length;
            lastIndex = index;
            taken++;
            LOG.info("snapshot at journal index {}: {} bytes, handler held {} us, written in {} ms", index, payload.length,
                lastStallNanos / 1000, lastWriteNanos / 1_000_000);
        }
        catch (final IOException ex)
        {
            LOG.error("snapshot at journal index {} could not be written to {}", index, store.directory(), ex);
        }
    }

    public long lastStallNanos()
    {
        return lastStallNanos;
    }

    public long lastBytes()
    {
        return lastBytes;
    }

    public long lastWriteNanos()
    {
        return lastWriteNanos;
    }

    /** Journal index of the last snapshot written, or -1. */
    public long lastIndex()
    {
        return lastIndex;
    }

    public long taken()
    {
        return taken;
    }

    /** Waits for snapshots being written to reach the disk. */
    @Override
    public void close()
    {
        writer.shutdown();
        try
        {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
