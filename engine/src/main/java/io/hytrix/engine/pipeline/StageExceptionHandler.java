package io.hytrix.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.hytrix.engine.command.CommandEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Disruptor does with an exception that escapes a stage: log it with the command and go
 * on. The Disruptor's default rethrows, which ends the stage's thread and with it the engine. The
 * handler already turns a throwing command into INTERNAL; this catches what a listener throws.
 */
final class StageExceptionHandler implements ExceptionHandler<CommandEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(StageExceptionHandler.class);

    /** Null for the handler's stage; for the journalling stage, where a failure means "not journaled". */
    private final JournalHealth journal;

    StageExceptionHandler(final JournalHealth journal)
    {
        this.journal = journal;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final CommandEvent cmd)
    {
        if (journal != null)
        {
            // A fault in a mapped page is raised late, possibly outside the append's own try: whatever
            // escaped the journalling stage, the handler must not apply this command as journaled.
            cmd.journalFailed = true;
            journal.failed(ex, cmd);
            return;
        }
        LOG.error("a stage failed on the command at journal index {} ({}); carrying on", cmd.journalIndex, cmd, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        LOG.error("a stage failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        LOG.error("a stage failed to shut down", ex);
    }
}
