package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.pipeline.Pipeline;

/**
 * Publishes a request's commands into the ring all together or not at all. The ring offers only
 * one-slot {@code tryPublish}, so every gateway producer (event loops, the clock) passes through
 * this monitor: inside it, a capacity check followed by the publishes cannot be raced by another
 * producer, because consumers only ever free slots. Never blocks on the ring: a full ring is an
 * immediate "no", which the front door turns into 503.
 */
final class RingGate
{
    enum Result
    {
        PUBLISHED, FULL, CLOSED
    }

    private final Pipeline pipeline;
    private boolean closed;

    RingGate(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    synchronized Result publishAll(final CommandEvent[] templates, final int count)
    {
        if (closed)
        {
            return Result.CLOSED;
        }
        if (pipeline.remainingCapacity() < count)
        {
            return Result.FULL;
        }
        for (int i = 0; i < count; i++)
        {
            if (!pipeline.tryPublish(templates[i]))
            {
                // Cannot happen while every producer goes through this gate; if it does, say so loudly.
                throw new IllegalStateException("ring lost capacity under the gate after " + i + " of " + count);
            }
        }
        return Result.PUBLISHED;
    }

    synchronized Result publish(final CommandEvent template)
    {
        if (closed)
        {
            return Result.CLOSED;
        }
        return pipeline.tryPublish(template) ? Result.PUBLISHED : Result.FULL;
    }

    /** After this returns nothing more is published, so draining the ring drains everything. */
    synchronized void close()
    {
        closed = true;
    }

    long remainingCapacity()
    {
        return pipeline.remainingCapacity();
    }

    int ringSize()
    {
        return pipeline.ringSize();
    }
}
