package io.hytrix.bench;

import java.util.List;
import java.util.Locale;

/**
 * The seed article's figures for its Rust rewrite ({@link ReferenceFigures}, quoted, not measured)
 * and Hytrix's at the same load, from the (g) run, side by side.
 */
final class SeedRows implements RowGroup
{
    private final ScenarioRows scenario;
    private final ReferenceFigures reference;

    /** @param scenario the (g) rows, measured first; this group reads their result */
    SeedRows(final ScenarioRows scenario, final ReferenceFigures reference)
    {
        this.scenario = scenario;
        this.reference = reference;
    }

    @Override
    public String title(final BenchRun run)
    {
        return null;
    }

    @Override
    public List<Row> measure(final BenchRun run)
    {
        final WorkloadBench.Result g = scenario.result();
        if (g == null)
        {
            throw new IllegalStateException("the seed rows need the (g) scenario, which has not run");
        }
        return List.of(
            run.add(Row.info("seed", reference.rowLabel(), Double.NaN, "", reference.note())),
            run.add(Row.info("seed.hytrix", "Hytrix, same load (g)", Double.NaN, "", String.format(Locale.ROOT,
                "RSS %s MB; p99 command %s us (hunt-complete not measured); handler allocation %s kB/s; %d GC pauses (longest %d ms)",
                BenchFormat.number(g.rssKb() / 1024.0), BenchFormat.number(g.p99Micros()), BenchFormat.number(g.bytesPerSecond() / 1e3),
                g.gc().pauses(), g.gc().longestMillis()))));
    }
}
