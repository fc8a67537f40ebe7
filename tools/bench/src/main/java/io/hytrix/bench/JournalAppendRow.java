package io.hytrix.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * (b2) The engine's journal on one thread, what the journaller stage does. The journal it writes is
 * kept for {@link ReplayRows}, which replays and deletes it.
 */
final class JournalAppendRow implements RowGroup
{
    /** Where the journal is left for (e). */
    Path journal(final BenchRun run)
    {
        return run.work().resolve("journal");
    }

    /** Commands in the journal: every warm-up and measured iteration appended to it. */
    static long journalCommands(final BenchSizes sizes)
    {
        return sizes.journalCommands() * (sizes.warmups() + sizes.iterations());
    }

    @Override
    public String title(final BenchRun run)
    {
        return "(b2) ChronicleJournal.append (encode + append)";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final Stats b2 = Throughput.journalAppend(run.mix(), journal(run), sizes.journalCommands(), sizes.warmups(),
            sizes.iterations(), false);
        return List.of(run.add(Row.info("b2", "(b2) ChronicleJournal.append (encode+append)", b2.median(), "cmd/s",
            b2.describe() + "; one thread, what the journaller stage does")));
    }
}
