package io.hytrix.replay.verify;

import io.hytrix.engine.game.Subsystem;

import java.util.List;
import java.util.Map;

/**
 * What {@link OutputVerifier} found. Null differences mean none were found in what was compared.
 *
 * @param commands      command records compared
 * @param checksums     checksums compared
 * @param journalEntries entries in the journal
 * @param lastRecorded  the newest journal index the outputs record, -1 if none
 * @param output        the first command whose outcome or events differ
 * @param checksum      the first checksum that differs
 * @param problem       why comparison stopped early (the outputs name an index the journal lacks), or null
 */
public record VerifyReport(long commands, long checksums, long journalEntries, long lastRecorded,
    OutputDifference output, ChecksumDifference checksum, String problem)
{
    public boolean identical()
    {
        return output == null && checksum == null && problem == null;
    }

    /** Journal entries after the last record: applied live but not (yet) recorded, so not checked. */
    public long unrecordedTail()
    {
        return journalEntries - (lastRecorded + 1);
    }

    /**
     * The first command whose recorded and replayed outputs differ.
     *
     * @param command  the journal entry, as text
     * @param actors   the actors the command or either side's events name, with their replayed state
     */
    public record OutputDifference(long journalIndex, long tick, String command, List<String> recorded,
        List<String> replayed, Map<Long, String> actors)
    {
    }

    /** The first checksum whose subsystem hashes differ, and which. */
    public record ChecksumDifference(long journalIndex, long tick, List<Subsystem> differing, String detail)
    {
    }
}
