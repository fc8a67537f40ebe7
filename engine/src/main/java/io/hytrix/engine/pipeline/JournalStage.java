package io.hytrix.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each command to the journal and stamps its journal index. A failed append, whatever was
 * thrown, marks the command so the handler rejects it unapplied (nothing is applied that the journal
 * lacks) and is reported to {@link JournalHealth}, which front doors consult before admitting writes.
 */
final class JournalStage implements EventHandler<CommandEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalStage.class);

    private final CommandJournal journal;
    private final JournalHealth health;

    JournalStage(final CommandJournal journal, final JournalHealth health)
    {
        this.journal = journal;
        this.health = health;
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
        catch (final RuntimeException | Error ex)
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
        catch (final RuntimeException | Error ex)
        {
            // An Error too: a full disk surfaces as an InternalError from the mapped file, and a
            // command whose append failed for any reason must not reach the handler as journaled.
            cmd.journalFailed = true;
            health.failed(ex, cmd);
            return;
        }
        health.appended();
    }
}
