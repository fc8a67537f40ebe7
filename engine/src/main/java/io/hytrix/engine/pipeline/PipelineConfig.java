package io.hytrix.engine.pipeline;

/** Typed, immutable pipeline settings: one object passed in, no system properties. */
public final class PipelineConfig
{
    private final int ringSize;
    private final WaitStrategyName waitStrategy;
    private final ThreadLayout layout;

    public PipelineConfig(final int ringSize, final WaitStrategyName waitStrategy, final ThreadLayout layout)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two: " + ringSize);
        }
        this.ringSize = ringSize;
        this.waitStrategy = waitStrategy;
        this.layout = layout;
    }

    /**
     * Defaults chosen by measurement on the 2-core machine ({@code ./hytrix bench}, README "Performance"):
     * journaller and handler composed on one thread, blocking waits that lock only when a consumer waits
     * ({@link CountedBlockingWaitStrategy}: the pipeline row (c) went from 1.43 to 2.06 M commands/s in one
     * run against the Disruptor's BlockingWaitStrategy, which locks on every publish; LITE_BLOCKING, the
     * Disruptor's own attempt, hung a gateway test here). With two cores, a separate journaller thread and
     * a spinning/yielding wait take CPU from the handler, the bottleneck.
     */
    public static PipelineConfig defaults()
    {
        return new PipelineConfig(1 << 16, WaitStrategyName.COUNTED_BLOCKING, ThreadLayout.COMPOSED);
    }

    public int ringSize()
    {
        return ringSize;
    }

    public WaitStrategyName waitStrategy()
    {
        return waitStrategy;
    }

    public ThreadLayout layout()
    {
        return layout;
    }

    public PipelineConfig withRingSize(final int size)
    {
        return new PipelineConfig(size, waitStrategy, layout);
    }

    public PipelineConfig withWaitStrategy(final WaitStrategyName name)
    {
        return new PipelineConfig(ringSize, name, layout);
    }

    public PipelineConfig withLayout(final ThreadLayout threadLayout)
    {
        return new PipelineConfig(ringSize, waitStrategy, threadLayout);
    }
}
