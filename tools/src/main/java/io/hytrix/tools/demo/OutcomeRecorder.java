package io.hytrix.tools.demo;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import org.HdrHistogram.Histogram;

/**
 * The demo's output path: latency from each command's intended send time to its outcome (so a
 * stalled pipeline shows up as latency, not as fewer samples) and outcome counts by code.
 * Runs on the handler thread; recording allocates nothing.
 */
public final class OutcomeRecorder implements EngineListener
{
    private final Histogram latency = new Histogram(60_000_000_000L, 3);
    private final long[] byCode = new long[32];
    private long events;

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        events++;
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        byCode[cmd.result.code()]++;
        latency.recordValue(Math.max(0, System.nanoTime() - cmd.intendedNanos));
    }

    /** Read after the pipeline has stopped. */
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
