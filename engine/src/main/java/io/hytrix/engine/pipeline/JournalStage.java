package io.hytrix.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each command to the journal and stamps its journal index. A failed append marks the
 * command so the handler rejects it unapplied: nothing is applied that the journal lacks.
 */
final class JournalStage implements EventHandler<CommandEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalStage.class);

    private final CommandJournal journal;

    JournalStage(final CommandJournal journal)
    {
        this.journal = journal;
    }

    @Override
    public void onEvent(final CommandEvent cmd, final long sequence, final boolean endOfBatch)
    {
        append(cmd);
    }

    void append(final CommandEvent cmd)
    {
        if (cmd.isQuery())
        {
            return;
        }
        try
        {
            cmd.journalIndex = journal.append(cmd);
        }
        catch (final RuntimeException ex)
        {
            cmd.journalFailed = true;
            LOG.error("journal append failed; command rejected unapplied: {}", cmd, ex);
        }
    }
}
