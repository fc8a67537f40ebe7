package io.hytrix.service;

import io.hytrix.engine.pipeline.JournalHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Refuses writes before the journal's disk is full. Chronicle writes through memory-mapped files, and
 * a write into a page the file system cannot back does not fail cleanly: it raises an asynchronous
 * {@code InternalError} and may leave a damaged entry behind. So the node checks the file system's
 * usable space every {@link #POLL_NANOS} and, below {@code minFreeBytes}, refuses new commands with
 * 503 until there is room again. The margin must cover what arrives between two polls.
 */
final class DiskSpaceWatch implements Runnable
{
    static final long POLL_NANOS = 50_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceWatch.class);

    private final FileStore store;
    private final Path directory;
    private final long minFreeBytes;
    private final JournalHealth health;
    private final Thread thread;
    private volatile boolean running = true;

    DiskSpaceWatch(final Path directory, final long minFreeBytes, final JournalHealth health) throws IOException
    {
        this.directory = directory;
        this.store = Files.getFileStore(directory);
        this.minFreeBytes = minFreeBytes;
        this.health = health;
        this.thread = new Thread(this, "hytrix-disk-watch");
        thread.setDaemon(true);
    }

    void start()
    {
        check();
        thread.start();
    }

    @Override
    public void run()
    {
        while (running)
        {
            LockSupport.parkNanos(POLL_NANOS);
            check();
        }
    }

    void check()
    {
        final long free;
        try
        {
            free = store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            LOG.warn("cannot read the free space of {}: {}", directory, ex.getMessage());
            return;
        }
        if (free < minFreeBytes)
        {
            health.spaceLow("the journal's disk (" + directory + ") has " + free / 1024 + " KiB free, below the "
                + minFreeBytes / 1024 + " KiB watermark (--min-free-disk): free space, then writes resume by themselves");
        }
        else
        {
            health.spaceOk();
        }
    }

    void stop() throws InterruptedException
    {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }
}
