package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.StateView;
import io.hytrix.journal.snapshot.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's snapshots. As a listener on the handler thread it counts applied commands (what the
 * {@link SnapshotScheduler} triggers on) and takes a snapshot when a SNAPSHOT query reaches the
 * handler through the ring (the single-writer rule): it serialises the state, which is the stall the
 * handler pays and is measured, and hands the bytes to a background thread that writes them through
 * {@link SnapshotStore} (temporary file, force, atomic rename) and then deletes all but the newest
 * {@code keep} snapshot files. Figures are published in volatile fields for {@code /metrics}.
 */
final class NodeSnapshots implements EngineListener, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(NodeSnapshots.class);

    private final SnapshotStore store;
    private final int keep;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task ->
    {
        final Thread thread = new Thread(task, "hytrix-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** Commands applied while live, published with a cheap ordered store for the scheduler. */
    private final AtomicLong applied = new AtomicLong();

    // --- handler thread only ---
    private long appliedCount;
    private long lastTakenIndex = -1;
    private long lastTakenBytes;
    /** Set by {@link #take} for the caller to copy into the answer: the stall of the last call. */
    private long stallNanos;
    private long takenBytes = -1;

    // --- written by one thread, read by any ---
    private volatile long lastStallNanos;
    private volatile long lastBytes;
    private volatile long lastWriteNanos;
    private volatile long lastIndex = -1;
    private volatile long written;
    private volatile long failures;
    /** Why the last snapshot could not be written, or null after one that was. */
    private volatile String lastFailure;
    /** Snapshot queries the handler has answered (the scheduler waits for its request to be served). */
    private volatile long served;

    NodeSnapshots(final Path directory, final int keep)
    {
        this.store = new SnapshotStore(directory);
        this.keep = Math.max(1, keep);
    }

    Path directory()
    {
        return store.directory();
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        applied.lazySet(++appliedCount);
    }

    @Override
    public void onQuery(final CommandEvent query, final StateView view)
    {
        if (query.query == Query.SNAPSHOT)
        {
            take(view);
        }
    }

    /** Any thread: commands applied since the node went live. */
    long applied()
    {
        return applied.get();
    }

    /**
     * Handler thread, between two commands. Serialises the state unless the last snapshot already
     * covers the same journal index.
     *
     * @return the snapshot's payload size in bytes, or -1 when nothing was applied yet (nothing to
     *     snapshot); {@link #stallNanos()} then tells how long the handler was held
     */
    long take(final StateView view)
    {
        final long start = System.nanoTime();
        final long index = view.lastJournalIndex();
        served++;
        if (index < 0)
        {
            stallNanos = 0;
            takenBytes = -1;
            return -1;
        }
        if (index == lastTakenIndex)
        {
            stallNanos = 0;
            takenBytes = lastTakenBytes;
            return lastTakenBytes;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64 << 10, (int)Math.min(1 << 30, lastTakenBytes + 4096)));
        try
        {
            view.writeSnapshot(new DataOutputStream(bytes));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("writing to a byte array cannot fail", ex);
        }
        final byte[] payload = bytes.toByteArray();
        stallNanos = System.nanoTime() - start;
        lastStallNanos = stallNanos;
        lastTakenIndex = index;
        lastTakenBytes = payload.length;
        takenBytes = payload.length;
        writer.execute(() -> write(index, payload));
        return payload.length;
    }

    /** Handler thread: the stall of the last {@link #take}. */
    long stallNanos()
    {
        return stallNanos;
    }

    /** Handler thread: the payload size the last {@link #take} returned (-1: nothing to snapshot). */
    long takenBytes()
    {
        return takenBytes;
    }

    private void write(final long index, final byte[] payload)
    {
        final long start = System.nanoTime();
        try
        {
            final Path file = store.write(index, payload);
            final long took = System.nanoTime() - start;
            for (final Path old : store.olderThanNewest(keep))
            {
                Files.deleteIfExists(old);
            }
            lastWriteNanos = took;
            lastBytes = payload.length;
            lastIndex = index;
            written++;
            lastFailure = null;
            LOG.info("snapshot at journal index {}: {} ({} bytes), handler held {} us, written and forced in {} ms", index,
                file.getFileName(), payload.length, lastStallNanos / 1000, took / 1_000_000);
        }
        catch (final IOException | RuntimeException | Error ex)
        {
            failures++;
            lastFailure = "the snapshot at journal index " + index + " could not be written to " + store.directory() + " ("
                + ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); recovery replays more of the journal until one is";
            LOG.error("snapshot at journal index {} could not be written to {}", index, store.directory(), ex);
        }
    }

    /** Any thread: why the last snapshot write failed, or null when it worked (or none was tried). */
    String lastFailure()
    {
        return lastFailure;
    }

    long served()
    {
        return served;
    }

    long lastStallNanos()
    {
        return lastStallNanos;
    }

    long lastBytes()
    {
        return lastBytes;
    }

    long lastWriteNanos()
    {
        return lastWriteNanos;
    }

    /** Journal index of the last snapshot written to disk, or -1. */
    long lastIndex()
    {
        return lastIndex;
    }

    long written()
    {
        return written;
    }

    long failures()
    {
        return failures;
    }

    /** Waits for snapshots being written to reach the disk. */
    @Override
    public void close()
    {
        writer.shutdown();
        try
        {
            if (!writer.awaitTermination(60, TimeUnit.SECONDS))
            {
                LOG.warn("a snapshot write to {} did not finish within 60 s", store.directory());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
