package io.hytrix.journal.output;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.SubsystemHashes;

/**
 * Turns what the handler reports for one journaled command (its events, a checksum when due, then
 * its outcome) into one {@link OutputRecord} and hands it to a sink: one record per command, so a
 * crash leaves whole commands or nothing. Commands that never reached the journal are not recorded
 * (replay cannot reproduce them). Runs on the handler thread; allocates only to grow its buffer.
 */
public final class OutputRecorder implements EngineListener
{
    /** Receives each finished record; the record is reused after the call returns. */
    @FunctionalInterface
    public interface Sink
    {
        void accept(OutputRecord record);
    }

    /**
     * Room for a tick that moves 26,000 actors without growing: growing mid-run would allocate on the
     * handler thread (the 2,500-actor scenario grew a 4 KiB buffer to 128 KiB, 272 KB, while measured).
     */
    private static final int INITIAL_CAPACITY = 1 << 20;

    private final OutputRecord record = new OutputRecord(INITIAL_CAPACITY);
    private final Sink sink;
    private int events;
    private int flags;
    private int position = OutputRecord.HEADER;

    public OutputRecorder(final Sink sink)
    {
        this.sink = sink;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        record.ensure(position + OutputRecord.EVENT);
        record.putEvent(position, event);
        position += OutputRecord.EVENT;
        events++;
    }

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        record.ensure(position + OutputRecord.CHECKSUM);
        record.putChecksum(position, hashes);
        position += OutputRecord.CHECKSUM;
        flags |= OutputRecord.FLAG_CHECKSUM;
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (cmd.journalIndex >= 0)
        {
            record.putHeader(cmd.journalIndex, cmd.tick, cmd.cmdId, cmd.type, cmd.result,
                flags | (cmd.duplicate ? OutputRecord.FLAG_DUPLICATE : 0), events);
            record.length = position;
            sink.accept(record);
        }
        events = 0;
        flags = 0;
        position = OutputRecord.HEADER;
    }
}
