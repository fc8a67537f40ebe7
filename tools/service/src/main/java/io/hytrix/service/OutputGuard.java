package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.StateView;
import io.hytrix.engine.game.SubsystemHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failure of the recorded outputs from reaching the journal or the answers. The outputs are
 * derived (replay re-creates them), so when recording fails — a full disk, a read-only directory — the
 * node goes on journaling, applying and answering, and only stops recording: recording again later in
 * the same run would leave a gap in the middle. The failure shows in {@code /health} (degraded) and
 * {@code /metrics}; the next start records from the first command the outputs lack.
 */
final class OutputGuard implements EngineListener
{
    private static final Logger LOG = LoggerFactory.getLogger(OutputGuard.class);

    private final EngineListener recorder;
    /** Written by the handler thread once; read by any thread. */
    private volatile String failure;

    OutputGuard(final EngineListener recorder)
    {
        this.recorder = recorder;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        if (failure == null)
        {
            try
            {
                recorder.onEvent(cause, event);
            }
            catch (final RuntimeException | Error ex)
            {
                fail(cause, ex);
            }
        }
    }

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        if (failure == null)
        {
            try
            {
                recorder.onChecksum(tick, hashes);
            }
            catch (final RuntimeException | Error ex)
            {
                fail(tick, ex);
            }
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (failure == null)
        {
            try
            {
                recorder.onOutcome(cmd);
            }
            catch (final RuntimeException | Error ex)
            {
                fail(cmd, ex);
            }
        }
    }

    @Override
    public void onQuery(final CommandEvent query, final StateView view)
    {
        recorder.onQuery(query, view);
    }

    private void fail(final CommandEvent cmd, final Throwable ex)
    {
        failure = "recording outputs failed at journal index " + cmd.journalIndex + " (" + ex.getClass().getSimpleName()
            + ": " + ex.getMessage() + "); outputs are off until restart, the journal and answers are not affected";
        LOG.error("{}", failure, ex);
    }

    /** Any thread: why outputs stopped being recorded, or null while they are recorded. */
    String failure()
    {
        return failure;
    }
}
