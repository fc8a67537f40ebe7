package io.hytrix.bench;

import io.hytrix.journal.output.OutputQueue;

import java.nio.file.Path;
import java.util.List;

/** (e+v) {@code replay --verify} of the journal and outputs (c+o) recorded: replay, record again, compare. */
final class VerifyRow implements RowGroup
{
    private final RecordedPipelineRows source;

    /** @param source the (c+o) rows, which leave their journal and outputs for this one */
    VerifyRow(final RecordedPipelineRows source)
    {
        this.source = source;
    }

    @Override
    public String title(final BenchRun run)
    {
        return "(e+v) replay --verify of the journal and outputs (c+o) wrote";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final Path journal = source.journal(run);
        try
        {
            final Stats ev = Throughput.verify(journal, Math.max(1, run.sizes().replayIterations()));
            return List.of(run.add(Row.info("e+v", "(e+v) replay --verify (replay + record + compare)", ev.median(), "cmd/s",
                ev.describe() + "; the (c+o) journal against its recorded outputs: identical")));
        }
        finally
        {
            BenchRun.delete(journal);
            BenchRun.delete(OutputQueue.besideJournal(journal));
        }
    }
}
