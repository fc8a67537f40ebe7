package io.hytrix.bench;

import java.nio.file.Path;
import java.util.List;

/** (b) Chronicle Queue alone on pre-encoded journal bytes: the other ceiling on (c), and (c)/(b)'s denominator. */
final class QueueAppendRow implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(b) Chronicle Queue append of pre-encoded bytes";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final CommandMix mix = run.mix();
        final Path dir = run.work().resolve("raw");
        try
        {
            final Stats b = Throughput.rawAppend(mix, dir, sizes.appendEvents(), sizes.warmups(), sizes.iterations());
            return List.of(run.add(Row.info("b", "(b) Chronicle Queue append, pre-encoded bytes", b.median(), "entries/s",
                b.describe() + "; JournalCodec bytes of the mix, mean " + BenchFormat.number(mix.meanEncodedBytes()) + " B/entry")));
        }
        finally
        {
            BenchRun.delete(dir);
        }
    }
}
