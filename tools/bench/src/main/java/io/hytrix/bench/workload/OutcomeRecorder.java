package io.hytrix.bench.workload;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The demo's output path: latency from each command's intended send time to its outcome (so a
 * stalled pipeline shows up as latency, not as fewer samples), outcome counts by code, and how the
 * hunts went (completions by reason, treasures found, winners' scores, the latency of the commands
 * that completed a hunt): whether the players play, not just how fast the engine answers.
 * Runs on the handler thread; recording allocates nothing.
 */
public final class OutcomeRecorder implements EngineListener
{
    private final Histogram latency = new Histogram(60_000_000_000L, 3);
    private final Histogram wholeRun = new Histogram(60_000_000_000L, 3);
    private final long[] byCode = new long[32];
    private long events;
    private final Histogram huntComplete = new Histogram(60_000_000_000L, 3);
    private final long[] completedBy = new long[CompletionReason.values().length];
    /** Rank-1 scores of completed hunts, as many as fit (a run completes far fewer hunts). */
    private final long[] winningScores = new long[1 << 16];
    private int winners;
    private long treasuresPlaced;
    private long treasuresFound;
    private boolean completing;

    // Measurement support for ./hytrix bench; inert with the no-argument constructor (the demo's).
    private final int warmupTicks;
    private final boolean sampleAllocation;
    private final com.sun.management.ThreadMXBean threads;
    private volatile Thread handlerThread;
    private long ticks;
    private long measuredCommands;
    private long measureStartNanos;
    private long allocatedAtStart = -1;
    private long allocatedAtLastTick = -1;
    private long commandsAtLastTick;

    public OutcomeRecorder()
    {
        this(0, false);
    }

    /**
     * @param warmupTicks      outcomes before the {@code warmupTicks}-th tick completes are counted by code
     *                         but left out of {@link #latency()}, {@link #measuredCommands()} and the
     *                         allocation samples
     * @param sampleAllocation samples the handler thread's allocated bytes at every tick after the warm-up
     */
    public OutcomeRecorder(final int warmupTicks, final boolean sampleAllocation)
    {
        this.warmupTicks = warmupTicks;
        this.sampleAllocation = sampleAllocation;
        this.threads = sampleAllocation ? (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean() : null;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        events++;
        final EventType type = event.type;
        if (type == EventType.HUNT_CREATED)
        {
            treasuresPlaced += event.x;
        }
        else if (type == EventType.TREASURE_FOUND)
        {
            treasuresFound++;
        }
        else if (type == EventType.HUNT_COMPLETED)
        {
            completedBy[event.reason.ordinal()]++;
            completing = true;
        }
        else if (type == EventType.ACTOR_RANKED && event.x == 1 && winners < winningScores.length)
        {
            winningScores[winners++] = event.value;
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (handlerThread == null)
        {
            handlerThread = Thread.currentThread();
        }
        byCode[cmd.result.code()]++;
        final long now = System.nanoTime();
        wholeRun.recordValue(Math.max(0, now - cmd.intendedNanos));
        if (completing)
        {
            huntComplete.recordValue(Math.max(0, now - cmd.intendedNanos));
            completing = false;
        }
        if (ticks >= warmupTicks)
        {
            latency.recordValue(Math.max(0, now - cmd.intendedNanos));
            measuredCommands++;
        }
        if (cmd.type == CommandType.TICK)
        {
            onTick(now);
        }
    }

    private void onTick(final long now)
    {
        ticks++;
        if (ticks == warmupTicks)
        {
            latency.reset();
            measuredCommands = 0;
            measureStartNanos = now;
            allocatedAtStart = sampleAllocation ? threads.getCurrentThreadAllocatedBytes() : -1;
        }
        if (sampleAllocation && ticks >= warmupTicks)
        {
            // getCurrentThreadAllocatedBytes() reads this thread's counter without allocating.
            allocatedAtLastTick = threads.getCurrentThreadAllocatedBytes();
            commandsAtLastTick = measuredCommands;
        }
    }

    /** The thread that delivered outcomes (the business-logic handler's), or null before the first. */
    public Thread handlerThread()
    {
        return handlerThread;
    }

    /** Commands whose outcome came after the warm-up (all of them without one). Read after the pipeline stopped. */
    public long measuredCommands()
    {
        return measuredCommands;
    }

    /** {@code System.nanoTime()} when the warm-up ended, 0 if it never did or there was none. */
    public long measureStartNanos()
    {
        return measureStartNanos;
    }

    /**
     * Bytes the handler thread allocated between the end of the warm-up and the last tick, per command
     * applied in between; -1 without allocation sampling or with fewer than two samples.
     */
    public double allocatedBytesPerCommand()
    {
        if (allocatedAtStart < 0 || allocatedAtLastTick < 0 || commandsAtLastTick == 0)
        {
            return -1;
        }
        return (double)(allocatedAtLastTick - allocatedAtStart) / commandsAtLastTick;
    }

    /** Handler-thread bytes allocated between the end of the warm-up and the last tick, or -1. */
    public long allocatedBytes()
    {
        return allocatedAtStart < 0 || allocatedAtLastTick < 0 ? -1 : allocatedAtLastTick - allocatedAtStart;
    }

    /** Read after the pipeline has stopped. */
    /** Every command's latency, warm-up included. */
    public Histogram wholeRunLatency()
    {
        return wholeRun;
    }

    public Histogram latency()
    {
        return latency;
    }

    public long count(final ResultCode code)
    {
        return byCode[code.code()];
    }

    public long events()
    {
        return events;
    }

    /** Latency of the commands (digs, ticks, endHunts) that completed a hunt. */
    public Histogram huntCompleteLatency()
    {
        return huntComplete;
    }

    public long huntsCompleted(final CompletionReason reason)
    {
        return completedBy[reason.ordinal()];
    }

    public long huntsCompleted()
    {
        long n = 0;
        for (final long c : completedBy)
        {
            n += c;
        }
        return n;
    }

    public long treasuresFound()
    {
        return treasuresFound;
    }

    public long treasuresPlaced()
    {
        return treasuresPlaced;
    }

    /** The best rank-1 score over the completed hunts, 0 without any. */
    public long bestScore()
    {
        long best = 0;
        for (int i = 0; i < winners; i++)
        {
            best = Math.max(best, winningScores[i]);
        }
        return best;
    }

    /** The median of the completed hunts' rank-1 scores (the lower middle one), 0 without any. */
    public long medianWinningScore()
    {
        if (winners == 0)
        {
            return 0;
        }
        final long[] sorted = Arrays.copyOf(winningScores, winners);
        Arrays.sort(sorted);
        return sorted[(winners - 1) / 2];
    }

    /** Commands that were not accepted. */
    public long rejected()
    {
        long n = 0;
        for (final ResultCode code : ResultCode.values())
        {
            if (code != ResultCode.ACCEPTED)
            {
                n += byCode[code.code()];
            }
        }
        return n;
    }

    /** e.g. {@code NO_TREASURE=1200 UNKNOWN_ACTOR=3}, codes in their numeric order. */
    public String rejectionSummary()
    {
        final StringBuilder sb = new StringBuilder();
        for (final ResultCode code : ResultCode.values())
        {
            if (code != ResultCode.ACCEPTED && byCode[code.code()] > 0)
            {
                sb.append(sb.length() == 0 ? "" : " ").append(code.name()).append('=').append(byCode[code.code()]);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
