package io.hytrix.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The Disruptor wait strategies a deployment can choose by name. */
public enum WaitStrategyName
{
    /** Lock and condition; signals on every publish. */
    BLOCKING,
    /**
     * Like BLOCKING but signals only when a consumer is waiting: no lock per publish while it is busy.
     * Disruptor calls it experimental; a missed wake-up hung a gateway test here. Opt-in only.
     */
    LITE_BLOCKING,
    /** Blocking, locking only when a consumer waits, with waiters counted so no wake-up is lost. */
    COUNTED_BLOCKING,
    SLEEPING,
    YIELDING,
    BUSY_SPIN;

    public WaitStrategy create()
    {
        switch (this)
        {
            case BLOCKING: return new BlockingWaitStrategy();
            case LITE_BLOCKING: return new LiteBlockingWaitStrategy();
            case COUNTED_BLOCKING: return new CountedBlockingWaitStrategy();
            case SLEEPING: return new SleepingWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            default: throw new IllegalStateException(name());
        }
    }

    public static WaitStrategyName parse(final String text)
    {
        for (final WaitStrategyName name : values())
        {
            if (name.name().equalsIgnoreCase(text.replace('-', '_')))
            {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + text + "' (blocking, counted-blocking, lite-blocking, sleeping, yielding, busy-spin)");
    }
}
