package io.hytrix.bench;

import java.util.List;

/** (d) GameHandler.apply alone on the mix, no ring and no journal: what the handler thread can do, and its allocation. */
final class HandlerRows implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(d) handler alone";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final Throughput.Result d = Throughput.handler(run.mix(), sizes.handlerCommands(), sizes.warmups(), sizes.iterations());
        final Row rate = run.add(Row.info("d", "(d) handler alone, GameHandler.apply", d.stats().median(), "cmd/s",
            d.stats().describe() + "; same mix, no ring, no journal"));
        final Row alloc = run.add(Row.atMost("d.alloc", "(d) handler alone, allocation", d.handlerBytesPerCommand(), "B/cmd", 0,
            "0 B/cmd", d.handlerBytes() + " B in " + (sizes.handlerCommands() * sizes.iterations())
                + " commands (getCurrentThreadAllocatedBytes)"));
        return List.of(rate, alloc);
    }
}
