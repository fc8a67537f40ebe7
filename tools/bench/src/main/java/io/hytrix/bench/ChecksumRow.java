package io.hytrix.bench;

import java.util.List;

/** (h) How long one production checksum of the scenario's state holds the handler thread. */
final class ChecksumRow implements RowGroup
{
    /** Checksums per iteration: about 0.1 ms each at 2,500 actors. */
    static final int CHECKSUMS_PER_ITERATION = 200;

    @Override
    public String title(final BenchRun run)
    {
        return "(h) production checksum of the scenario's state";
    }

    @Override
    public List<Row> measure(final BenchRun run) throws Exception
    {
        final BenchSizes sizes = run.sizes();
        final ChecksumBench.Result h = ChecksumBench.run(sizes.scenarioActors(), Math.min(200_000, sizes.handlerCommands()),
            CHECKSUMS_PER_ITERATION, sizes.warmups(), sizes.iterations());
        return List.of(run.add(Row.info("h", "(h) production checksum (SubsystemHashes)", h.microsPerChecksum(), "us",
            h.stats().describe() + " checksums/s; " + h.actors() + " actors, " + h.windowEntries()
                + " idempotency entries; held on the handler thread every --checksum-every-ticks")));
    }
}
