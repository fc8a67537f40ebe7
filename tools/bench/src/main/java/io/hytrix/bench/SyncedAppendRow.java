package io.hytrix.bench;

import java.nio.file.Path;
import java.util.List;

/** (b3) The journal with {@code --sync}: one msync per append, what durability of each acknowledged command costs. */
final class SyncedAppendRow implements RowGroup
{
    /** Appends per iteration: an msync costs ~0.1 ms here, so a few thousand are enough at any size. */
    static final long SYNCED_APPENDS = 2_000;

    @Override
    public String title(final BenchRun run)
    {
        return "(b3) ChronicleJournal.append with sync (msync per append)";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final Path dir = run.work().resolve("synced");
        try
        {
            final Stats b3 = Throughput.journalAppend(run.mix(), dir, SYNCED_APPENDS, 1, 3, true);
            return List.of(run.add(Row.info("b3", "(b3) ChronicleJournal.append, --sync", b3.median(), "cmd/s",
                b3.describe() + "; msync(MS_SYNC) per append: an acknowledged command survives power loss")));
        }
        finally
        {
            BenchRun.delete(dir);
        }
    }
}
