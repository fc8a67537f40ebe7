package io.hytrix.bench;

import java.util.List;

/** (a) The Disruptor alone, the ceiling the pipeline's ring puts on (c). */
final class HandOffRow implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(a) Disruptor hand-off";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final Stats a = Throughput.handOff(run.mix(), run.config(), sizes.handOffEvents(), sizes.warmups(), sizes.iterations());
        return List.of(run.add(Row.info("a", "(a) Disruptor 1P-1C hand-off (" + BenchRun.name(run.config()) + ")", a.median(),
            "events/s", a.describe() + "; multi-producer sequencer and copy translator as in Pipeline, no-op consumer")));
    }
}
