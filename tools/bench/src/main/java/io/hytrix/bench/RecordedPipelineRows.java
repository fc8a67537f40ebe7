package io.hytrix.bench;

import io.hytrix.journal.output.OutputQueue;

import java.nio.file.Path;
import java.util.List;

/**
 * (c+o) The pipeline recording its outputs beside the journal, as demo and serve do, and the handler
 * thread's allocation while it did. Its journal and outputs are kept for {@link VerifyRow}, which
 * verifies and deletes them.
 */
final class RecordedPipelineRows implements RowGroup
{
    /** The checksum interval: the service default. */
    static final int OUTPUT_CHECKSUM_TICKS = io.hytrix.service.OutputSettings.DEFAULT_CHECKSUM_EVERY_TICKS;

    /** Where the journal is left for (e+v); its outputs are {@link OutputQueue#besideJournal} it. */
    Path journal(final BenchRun run)
    {
        return run.work().resolve("pipeline-outputs");
    }

    @Override
    public String title(final BenchRun run)
    {
        return "(c+o) pipeline, journal on, outputs recorded (checksum every " + OUTPUT_CHECKSUM_TICKS + " ticks)";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final Throughput.Result co = Throughput.pipeline(run.mix(), run.config(), journal(run), sizes.pipelineCommands(),
            sizes.warmups(), sizes.iterations(), OUTPUT_CHECKSUM_TICKS);
        final Row rate = run.add(Row.info("c+o", "(c+o) pipeline, journal + recorded outputs", co.stats().median(), "cmd/s",
            co.stats().describe() + "; (c+o)/(c)=" + BenchFormat.ratio(co.stats().median() / run.value("c"))
                + "; outcome+events+checksum every " + OUTPUT_CHECKSUM_TICKS + " ticks appended on the handler thread"));
        final Row alloc = run.add(Row.atMost("c+o.alloc", "(c+o) handler thread allocation", co.handlerBytesPerCommand(),
            "B/cmd", 0, "0 B/cmd", co.handlerBytes() + " B in " + (sizes.pipelineCommands() * sizes.iterations()) + " commands"));
        return List.of(rate, alloc);
    }
}
