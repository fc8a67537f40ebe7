package io.hytrix.engine.command;

/**
 * Where the pipeline makes each command durable before the handler applies it. The engine sees
 * the journal only through this interface; the Chronicle Queue implementation lives in
 * {@code hytrix-journal}.
 */
public interface CommandJournal extends AutoCloseable
{
    /**
     * Appends the command's journaled fields.
     *
     * @return the dense journal index of the new entry (0 for the first entry of the journal).
     */
    long append(CommandEvent cmd);

    /** Index the next {@link #append} will return, i.e. the number of entries in the journal. */
    long nextIndex();

    @Override
    void close();
}
