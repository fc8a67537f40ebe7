package io.hytrix.bench;

import java.util.List;

/** (c') The pipeline on the mix without travel: the ring and journal without the handler's A* searches. */
final class NoTravelPipelineRow implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(c') pipeline, mix without travel (no A*)";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final Throughput.Result c2 = run.pipeline(run.mixWithoutTravel(), run.config());
        return List.of(run.add(Row.info("c'", "(c') pipeline, mix without travel (no A*)", c2.stats().median(), "cmd/s",
            c2.stats().describe() + "; (c')/(b)=" + BenchFormat.ratio(c2.stats().median() / run.value("b"))
                + "; the ring and journal without the handler's path searches")));
    }
}
