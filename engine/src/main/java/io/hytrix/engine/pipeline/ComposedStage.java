package io.hytrix.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.GameHandler;

/** {@link ThreadLayout#COMPOSED}: journal, then apply, on one thread. */
final class ComposedStage implements EventHandler<CommandEvent>
{
    private final JournalStage journal;
    private final GameHandler handler;

    ComposedStage(final JournalStage journal, final GameHandler handler)
    {
        this.journal = journal;
        this.handler = handler;
    }

    @Override
    public void onEvent(final CommandEvent cmd, final long sequence, final boolean endOfBatch)
    {
        journal.append(cmd);
        handler.apply(cmd);
    }
}
