package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;

import java.util.List;

/**
 * (c) The full pipeline, publisher to journaller to handler with the journal on, the headline
 * throughput; its ratios to the bare queue (b) and the bare hand-off (a); and the handler thread's
 * allocation while it ran. Also measured for every other layout (the comparison rows).
 */
final class PipelineRows implements RowGroup, ComparedGroup
{
    static final double BUDGET_THROUGHPUT = 2_000_000;
    static final double BUDGET_RATIO_TO_QUEUE = 0.5;

    /** How much of the bare queue's rate the pipeline keeps; the budget says at least half. */
    static final DerivedRow PIPELINE_OVER_QUEUE = DerivedRow.ratioAtLeast("c/b", "(c)/(b) pipeline vs bare queue append",
        "c", "b", BUDGET_RATIO_TO_QUEUE, ">= 0.5");
    /** How much of the bare hand-off's rate the pipeline keeps. */
    static final DerivedRow PIPELINE_OVER_HAND_OFF = DerivedRow.ratio("c/a", "(c)/(a) pipeline vs bare hand-off", "c", "a");

    @Override
    public String title(final BenchRun run)
    {
        return "(c) pipeline, journal on, " + BenchRun.name(run.config());
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final CommandMix mix = run.mix();
        final Throughput.Result c = run.pipeline(mix, run.config());
        final Row rate = run.add(Row.atLeast("c", "(c) pipeline, journal on (" + BenchRun.name(run.config()) + ")",
            c.stats().median(), "cmd/s", BUDGET_THROUGHPUT, ">= 2M cmd/s",
            c.stats().describe() + "; publisher -> journaller -> handler, mix: " + mix.describe()));
        final Row overQueue = run.add(PIPELINE_OVER_QUEUE);
        final Row overHandOff = run.add(PIPELINE_OVER_HAND_OFF);
        final Row alloc = run.add(Row.atMost("c.alloc", "(c) handler thread allocation", c.handlerBytesPerCommand(), "B/cmd", 0,
            "0 B/cmd", c.handlerBytes() + " B in " + (run.sizes().pipelineCommands() * run.sizes().iterations())
                + " commands; all stage threads: " + BenchFormat.small(c.stageBytesPerCommand()) + " B/cmd"));
        return List.of(rate, overQueue, overHandOff, alloc);
    }

    @Override
    public String letter()
    {
        return "(c)";
    }

    @Override
    public Row compare(final BenchRun run, final PipelineConfig other) throws Exception
    {
        final Throughput.Result oc = run.pipeline(run.mix(), other);
        return Row.info("c." + BenchRun.key(other), "(c) pipeline, " + BenchRun.name(other), oc.stats().median(), "cmd/s",
            oc.stats().describe() + "; (c)/(b)=" + BenchFormat.ratio(oc.stats().median() / run.value("b")));
    }
}
