package io.hytrix.bench;

import java.util.List;

/** The whole run's GC pauses and peak resident memory, measured last so that every other run, comparisons too, is in them. */
final class JvmRows implements RowGroup
{
    @Override
    public Phase phase()
    {
        return Phase.LAST;
    }

    @Override
    public String title(final BenchRun run)
    {
        return null;
    }

    @Override
    public List<Row> measure(final BenchRun run)
    {
        final JvmProbes.GcWindow gc = run.probes().pauses(run.startedNanos(), System.nanoTime());
        return List.of(
            run.add(Row.info("jvm.gc", "whole bench run: GC pauses (count; longest in note)", gc.pauses(), "",
                "longest " + gc.longestMillis() + " ms " + gc.longest() + ", total " + gc.totalMillis()
                    + " ms; includes set-up (64 MiB path caches per handler)")),
            run.add(Row.info("jvm.hwm", "whole bench run: peak RSS (VmHWM)", JvmProbes.procStatusKb("VmHWM") / 1024.0, "MB",
                "the throughput rows map journal files; (g) ran first")));
    }
}
