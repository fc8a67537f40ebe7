package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Query;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Periodic snapshots: every {@code everyCommands} applied commands or every {@code everySeconds}
 * seconds (whichever comes first; 0 turns a trigger off), publishes a SNAPSHOT query into the
 * command ring, so the snapshot is taken by the handler thread between two commands like any other
 * read. Waits for one request to be served before making the next, and skips the timer when nothing
 * was applied since the last one.
 */
final class SnapshotScheduler implements Runnable
{
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final RingGate gate;
    private final NodeSnapshots snapshots;
    private final long everyCommands;
    private final long everyNanos;
    private final CommandEvent template = new CommandEvent();
    private final Thread thread;
    private volatile boolean running = true;

    SnapshotScheduler(final RingGate gate, final NodeSnapshots snapshots, final SnapshotSettings policy)
    {
        this.gate = gate;
        this.snapshots = snapshots;
        this.everyCommands = policy.everyCommands();
        this.everyNanos = TimeUnit.SECONDS.toNanos(policy.everySeconds());
        this.thread = new Thread(this, "hytrix-snapshot-scheduler");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    @Override
    public void run()
    {
        long appliedAtLast = snapshots.applied();
        long lastAt = System.nanoTime();
        long servedTarget = -1;
        while (running)
        {
            LockSupport.parkNanos(POLL_NANOS);
            if (servedTarget >= 0 && snapshots.served() < servedTarget)
            {
                continue; // the last request is still in the ring
            }
            servedTarget = -1;
            final long now = System.nanoTime();
            final long count = snapshots.applied();
            final boolean byCommands = everyCommands > 0 && count - appliedAtLast >= everyCommands;
            final boolean byTime = everyNanos > 0 && now - lastAt >= everyNanos && count != appliedAtLast;
            if (!byCommands && !byTime)
            {
                continue;
            }
            template.query(Query.SNAPSHOT, 0, 0);
            template.correlation = 0;
            template.intendedNanos = now;
            final long served = snapshots.served();
            final RingGate.Result result = gate.publish(template);
            if (result == RingGate.Result.CLOSED)
            {
                return;
            }
            if (result == RingGate.Result.PUBLISHED)
            {
                servedTarget = served + 1;
                appliedAtLast = count;
                lastAt = now;
            }
            // FULL: try again at the next poll.
        }
    }

    /** Stops the scheduler and waits for its thread, so no snapshot query follows. */
    void stop() throws InterruptedException
    {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }
}
