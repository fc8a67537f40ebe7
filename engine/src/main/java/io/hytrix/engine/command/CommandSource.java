package io.hytrix.engine.command;

/** Reads journaled commands in order, for replay and recovery. */
public interface CommandSource extends AutoCloseable
{
    /**
     * Decodes the next entry into {@code into} and sets its {@link CommandEvent#journalIndex}.
     *
     * @return false at the end of the journal.
     */
    boolean next(CommandEvent into);

    @Override
    void close();
}
