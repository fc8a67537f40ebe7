package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;

import java.util.concurrent.locks.LockSupport;

/**
 * The service's clock: publishes a {@code tick} at a fixed rate, on absolute deadlines so the rate
 * does not drift with scheduling delays. Ticks are exempt from idempotency, so they take their own
 * cmdId sequence (-1, -2, ...) that can never collide with a client's id space as clients are told
 * to use non-negative ids. A full ring delays a tick (time slows under overload) rather than
 * dropping it; after a long stall the schedule restarts instead of bursting the missed ticks.
 */
final class TickClock implements Runnable
{
    private static final long RETRY_NANOS = 100_000;

    private final RingGate gate;
    private final long periodNanos;
    private final CommandEvent template = new CommandEvent();
    private final Thread thread;
    private volatile boolean running = true;
    private long nextCmdId = -1;
    private long published;

    TickClock(final RingGate gate, final int ticksPerSecond)
    {
        this.gate = gate;
        this.periodNanos = 1_000_000_000L / ticksPerSecond;
        this.thread = new Thread(this, "hytrix-clock");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    @Override
    public void run()
    {
        long deadline = System.nanoTime() + periodNanos;
        while (running)
        {
            long wait;
            while (running && (wait = deadline - System.nanoTime()) > 0)
            {
                LockSupport.parkNanos(wait);
            }
            template.tick(nextCmdId);
            template.correlation = 0;
            template.intendedNanos = deadline;
            RingGate.Result result;
            // A full ring or a journal that refuses appends delays the tick: time stops rather than
            // running ahead of what the journal holds.
            while (((result = gate.publish(template)) == RingGate.Result.FULL || result == RingGate.Result.JOURNAL_DOWN)
                && running)
            {
                LockSupport.parkNanos(RETRY_NANOS);
            }
            if (result != RingGate.Result.PUBLISHED)
            {
                return;
            }
            nextCmdId--;
            published++;
            deadline += periodNanos;
            final long now = System.nanoTime();
            if (now - deadline > periodNanos)
            {
                deadline = now + periodNanos;
            }
        }
    }

    /** Stops the clock and waits for its thread, so no tick follows. */
    void stop() throws InterruptedException
    {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }
}
