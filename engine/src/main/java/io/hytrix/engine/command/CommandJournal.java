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

    /** Encoded bytes appended through this instance since it was opened (what {@code /metrics} reports as journal growth). */
    long bytesAppended();

    /**
     * Makes every entry appended so far as durable as this journal promises (for a journal that
     * forces its writes to the device, one force for the whole batch: group commit). The pipeline
     * calls it at the end of each batch, before the handler applies any command of that batch.
     */
    default void commit()
    {
    }

    /** Whether {@link #commit} does anything; if not, the pipeline applies each command right after its append. */
    default boolean forcesOnCommit()
    {
        return false;
    }

    @Override
    void close();
}
