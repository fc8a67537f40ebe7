package io.hytrix.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * (e) Replay from disk of the journal (b2) wrote, and the recovery time of a 10M-command journal
 * derived from its rate (no 10M journal is written: that would take longer than the rest of the bench).
 */
final class ReplayRows implements RowGroup
{
    static final double BUDGET_REPLAY = 3_000_000;
    static final double BUDGET_RECOVERY_SECONDS = 5;
    static final long RECOVERY_COMMANDS = 10_000_000L;

    /** The recovery budget's journal at the replay rate just measured. */
    static final DerivedRow RECOVERY = run -> Row.atMost("e.recovery", "(e) recovery of 10M commands, DERIVED",
        RECOVERY_COMMANDS / run.value("e"), "s", BUDGET_RECOVERY_SECONDS, "<= 5 s",
        "derived: 10M / replay rate, not measured on a 10M journal; no snapshots yet");

    private final JournalAppendRow source;

    /** @param source the (b2) row, which leaves its journal for this one */
    ReplayRows(final JournalAppendRow source)
    {
        this.source = source;
    }

    @Override
    public String title(final BenchRun run)
    {
        return "(e) replay of a " + JournalAppendRow.journalCommands(run.sizes()) + "-command journal, "
            + (1 + run.sizes().replayIterations()) + " times";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final Path journal = source.journal(run);
        try
        {
            final Throughput.Result e = Throughput.replay(journal, run.sizes().replayIterations());
            final Row rate = run.add(Row.atLeast("e", "(e) replay from disk (Replayer)", e.stats().median(), "cmd/s",
                BUDGET_REPLAY, ">= 3M cmd/s", e.stats().describe() + "; journal of " + JournalAppendRow.journalCommands(run.sizes())
                    + " commands written in this run; fresh handler and path cache"));
            return List.of(rate, run.add(RECOVERY));
        }
        finally
        {
            BenchRun.delete(journal);
        }
    }
}
