package io.hytrix.engine.pipeline;

import com.lmax.disruptor.DataProvider;
import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.GameHandler;

/**
 * {@link ThreadLayout#COMPOSED}: journal, then apply, on one thread. With a journal that forces its
 * writes to the device, the batch is appended, forced once, then applied from the ring (group
 * commit): no command is applied, or answered, before it is durable.
 */
final class ComposedStage implements EventHandler<CommandEvent>
{
    private final JournalStage journal;
    private final GameHandler handler;
    private final DataProvider<CommandEvent> ring;
    private final boolean groupCommit;
    private long firstPending = -1;

    ComposedStage(final JournalStage journal, final GameHandler handler, final DataProvider<CommandEvent> ring)
    {
        this.journal = journal;
        this.handler = handler;
        this.ring = ring;
        this.groupCommit = journal.forcesOnCommit();
    }

    @Override
    public void onEvent(final CommandEvent cmd, final long sequence, final boolean endOfBatch)
    {
        journal.append(cmd);
        if (!groupCommit)
        {
            handler.apply(cmd);
            if (endOfBatch)
            {
                journal.commit();
            }
            return;
        }
        if (firstPending < 0)
        {
            firstPending = sequence;
        }
        if (endOfBatch)
        {
            journal.commit();
            try
            {
                for (long s = firstPending; s <= sequence; s++)
                {
                    handler.apply(ring.get(s));
                }
            }
            finally
            {
                firstPending = -1;
            }
        }
    }
}
