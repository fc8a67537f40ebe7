package io.hytrix.bench;

import java.util.List;

/** (d') The handler alone on the mix without travel: the game bookkeeping without A*. */
final class NoTravelHandlerRow implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(d') handler alone, mix without travel";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final Throughput.Result d2 = Throughput.handler(run.mixWithoutTravel(), sizes.handlerCommands(), sizes.warmups(),
            sizes.iterations());
        return List.of(run.add(Row.info("d'", "(d') handler alone, mix without travel", d2.stats().median(), "cmd/s",
            d2.stats().describe() + "; " + BenchFormat.small(d2.handlerBytesPerCommand()) + " B/cmd")));
    }
}
