package io.hytrix.bench;

import java.nio.file.Path;
import java.util.List;

/** (b4) As (b3), forced once per batch: what the pipeline's group commit buys back under {@code --sync}. */
final class GroupCommitRow implements RowGroup
{
    /** The batch: appends per force. */
    static final int GROUP_COMMIT = 100;

    @Override
    public String title(final BenchRun run)
    {
        return "(b4) ChronicleJournal.append with sync, one force per " + GROUP_COMMIT + " appends";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final Path dir = run.work().resolve("grouped");
        try
        {
            final Stats b4 = Throughput.journalAppend(run.mix(), dir, SyncedAppendRow.SYNCED_APPENDS * GROUP_COMMIT / 10, 1, 3,
                true, GROUP_COMMIT);
            return List.of(run.add(Row.info("b4", "(b4) ... --sync, one force per " + GROUP_COMMIT + " appends", b4.median(),
                "cmd/s", b4.describe() + "; the pipeline's group commit: one force per batch")));
        }
        finally
        {
            BenchRun.delete(dir);
        }
    }
}
