package io.hytrix.engine.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the journal takes appends: as the journalling stage last saw it (written only by that
 * stage), and whether its disk has room (written by the node's disk watch). Read by any thread:
 * front doors refuse writes while either says no, and {@code /health} says why.
 *
 * <p>A failing journal fails every append until the cause goes away (a full disk fails thousands of
 * commands a second), so a streak of failures is logged once with its cause, then at most once per
 * {@link #LOG_EVERY_NANOS} with a count, and once more when appends work again.
 */
public final class JournalHealth
{
    /** While down, front doors let a command through this often to find out whether the journal is back. */
    public static final long PROBE_EVERY_NANOS = 1_000_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(JournalHealth.class);

    private volatile boolean down;
    private volatile String reason = "";
    private volatile long failures;
    private volatile long downSinceNanos;
    private volatile long probeAtNanos;
    /** Set while the journal's file system has less free space than the node's watermark. */
    private volatile String lowSpace;

    // --- journalling stage only ---
    private long streak;
    private long loggedAtNanos;
    private long loggedStreak;

    /** Journalling stage: an append worked. */
    void appended()
    {
        if (!down)
        {
            return;
        }
        LOG.warn("journal appends work again after {} failed appends over {} ms", streak,
            (System.nanoTime() - downSinceNanos) / 1_000_000);
        streak = 0;
        down = false;
    }

    /** Journalling stage: an append failed; the command was not journaled. */
    void failed(final Throwable cause, final Object command)
    {
        final long now = System.nanoTime();
        failures++;
        streak++;
        probeAtNanos = now + PROBE_EVERY_NANOS;
        final String why = describe(cause);
        reason = why; // the latest cause: after a fault the journal may refuse for a reason of its own
        if (!down)
        {
            downSinceNanos = now;
            down = true;
            loggedAtNanos = now;
            loggedStreak = streak;
            LOG.error("journal append failed; refusing writes until the journal takes appends again (first refused: {})",
                command, cause);
            return;
        }
        if (now - loggedAtNanos >= LOG_EVERY_NANOS)
        {
            LOG.error("journal still failing: {} more appends refused in the last {} s ({})", streak - loggedStreak,
                (now - loggedAtNanos) / 1_000_000_000L, why);
            loggedAtNanos = now;
            loggedStreak = streak;
        }
    }

    private static String describe(final Throwable cause)
    {
        if (cause instanceof InternalError)
        {
            // What a write into a memory-mapped page the file system cannot back looks like.
            return "the journal's file system could not back a mapped page (disk full?): " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Any thread: the last append failed and none has worked since, or the disk is below the watermark. */
    public boolean down()
    {
        return down || lowSpace != null;
    }

    /** Disk watch: the journal's file system is below the watermark; writes are refused before it is full. */
    public void spaceLow(final String why)
    {
        if (lowSpace == null)
        {
            LOG.error("refusing writes: {}", why);
        }
        lowSpace = why;
    }

    /** Disk watch: there is room again. */
    public void spaceOk()
    {
        if (lowSpace != null)
        {
            LOG.warn("the journal's disk has room again; taking writes");
            lowSpace = null;
        }
    }

    /**
     * Any thread: whether a front door should admit a write now. While down, writes are admitted
     * again {@link #PROBE_EVERY_NANOS} after the last failure, to find out whether the journal is back
     * (a command that still fails is refused unapplied like any other, and closes the door again).
     */
    public boolean admits(final long nowNanos)
    {
        return lowSpace == null && (!down || nowNanos - probeAtNanos >= 0);
    }

    /** Any thread: why the journal is down, or the empty string. */
    public String reason()
    {
        final String space = lowSpace;
        return down ? reason : space != null ? space : "";
    }

    /** Any thread: appends that failed since start. */
    public long failures()
    {
        return failures;
    }
}
