package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.pipeline.JournalHealth;
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
        PUBLISHED, FULL, CLOSED,
        /** The journal refuses appends (a full disk, a read-only file system): commands are refused, queries pass. */
        JOURNAL_DOWN
    }

    private final Pipeline pipeline;
    private final JournalHealth journal;
    private boolean closed;

    RingGate(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
        this.journal = pipeline.journalHealth();
    }

    JournalHealth journalHealth()
    {
        return journal;
    }

    /** Why writes are refused, or the empty string while the journal takes them. */
    String journalDownReason()
    {
        return journal.reason();
    }

    private boolean refusesWrites(final CommandEvent[] templates, final int count)
    {
        if (!journal.down() || journal.admits(System.nanoTime())) // the clock only while the journal is down
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            if (!templates[i].isQuery())
            {
                return true;
            }
        }
        return false;
    }

    synchronized Result publishAll(final CommandEvent[] templates, final int count)
    {
        if (closed)
        {
            return Result.CLOSED;
        }
        if (refusesWrites(templates, count))
        {
            return Result.JOURNAL_DOWN;
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
        if (!template.isQuery() && journal.down() && !journal.admits(System.nanoTime()))
        {
            return Result.JOURNAL_DOWN;
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
