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

    /**
     * Appends, and commits at the end of each batch: the Disruptor publishes this stage's sequence
     * only after the whole batch, so the handler sees none of it before the commit (group commit).
     */
    @Override
    public void onEvent(final CommandEvent cmd, final long sequence, final boolean endOfBatch)
    {
        append(cmd);
        if (endOfBatch)
        {
            commit();
        }
    }

    boolean forcesOnCommit()
    {
        return journal.forcesOnCommit();
    }

    /**
     * A failed force leaves the batch in the journal (it is in the mapped file, and a replay will
     * apply it), so it is applied too, and logged: durability for that batch falls back to surviving
     * a process crash. Rejecting it instead would make the live state differ from the journal's.
     */
    void commit()
    {
        try
        {
            journal.commit();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("journal commit (force to device) failed; the batch is applied, durable against a process crash only", ex);
        }
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
