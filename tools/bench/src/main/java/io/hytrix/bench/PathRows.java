package io.hytrix.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** (f) A* on the shipped Moving AI maps, cold and cached, overall and per map. */
final class PathRows implements RowGroup
{
    @Override
    public String title(final BenchRun run)
    {
        return "(f) pathfinding, " + run.sizes().pathQueries() + " random pairs on each of " + PathBench.MAPS.length + " maps";
    }

    @Override
    public List<Row> measure(final BenchRun run)
    {
        final PathBench.Result f = PathBench.run(run.sizes().pathQueries(), Math.max(1, run.sizes().iterations() / 2));
        final List<Row> rows = new ArrayList<>();
        rows.add(run.add(Row.info("f.cold", "(f) A* cold (fresh cache), 7 real maps", f.coldMeanMicros(), "us/search",
            f.queries() + " random passable pairs per map; mean")));
        rows.add(run.add(Row.info("f.cold.scenario", "(f) A* cold, the 4 scenario maps", f.coldScenarioMapsMeanMicros(),
            "us/search", "arena, den312d, lak303d, arena2")));
        rows.add(run.add(Row.info("f.cached", "(f) path cache hit", f.cachedMeanNanos() / 1e3, "us/lookup", "same pairs again")));
        for (final PathBench.MapResult m : f.maps())
        {
            rows.add(run.add(Row.info("f.cold." + m.map(), "    cold " + m.map() + " " + m.width() + "x" + m.height(),
                m.coldMeanMicros(), "us/search", String.format(Locale.ROOT, "p99 %s us, max %s us, %s nodes expanded/search",
                    BenchFormat.number(m.coldP99Micros()), BenchFormat.number(m.coldMaxMicros()),
                    BenchFormat.number(m.meanExpanded())))));
        }
        return rows;
    }
}
