package io.hytrix.service;

import io.hytrix.journal.output.OutputQueue;

import java.nio.file.Path;

/**
 * Whether and where the live engine records its outputs, and how often it adds a checksum.
 *
 * @param directory          the output queue, or null to record nothing
 * @param checksumEveryTicks subsystem hashes after every N-th tick command (0: none)
 */
public record OutputSettings(Path directory, int checksumEveryTicks)
{
    /** Checksums once a second at the default 10 Hz tick: a divergence is pinned to a second of play. */
    public static final int DEFAULT_CHECKSUM_EVERY_TICKS = 10;

    public static final OutputSettings OFF = new OutputSettings(null, 0);

    /** The default: {@code JOURNAL.outputs} beside the journal, a checksum every 10 ticks. */
    public static OutputSettings besideJournal(final Path journal)
    {
        return new OutputSettings(OutputQueue.besideJournal(journal), DEFAULT_CHECKSUM_EVERY_TICKS);
    }

    public boolean enabled()
    {
        return directory != null;
    }

    /** Opens the queue; null when disabled. */
    public OutputQueue open(final boolean fresh, final long journalEntries)
    {
        return enabled() ? OutputQueue.open(directory, fresh, checksumEveryTicks, journalEntries) : null;
    }

    /** For the start-up line: where outputs go, or that they are off. */
    public String describe()
    {
        return enabled() ? "outputs in " + directory + " (checksum every " + checksumEveryTicks + " ticks)" : "outputs off";
    }
}
