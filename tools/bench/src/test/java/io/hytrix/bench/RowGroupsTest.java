package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row group at {@link BenchSizes#TINY}, sequenced as {@link Bench} does: each gives exactly its
 * rows, in table order, with finite figures and a verdict that agrees with its budget. No timing
 * assertions: the figures of a tiny run on a shared machine mean nothing.
 */
class RowGroupsTest
{
    /** The rows each group owns, in table order: the ids the README and scripts rely on. */
    private static final Map<Class<? extends RowGroup>, List<String>> IDS = new LinkedHashMap<>();

    static
    {
        IDS.put(HandOffRow.class, List.of("a"));
        IDS.put(QueueAppendRow.class, List.of("b"));
        IDS.put(JournalAppendRow.class, List.of("b2"));
        IDS.put(SyncedAppendRow.class, List.of("b3"));
        IDS.put(GroupCommitRow.class, List.of("b4"));
        IDS.put(PipelineRows.class, List.of("c", "c/b", "c/a", "c.alloc"));
        IDS.put(NoTravelPipelineRow.class, List.of("c'"));
        IDS.put(RecordedPipelineRows.class, List.of("c+o", "c+o.alloc"));
        IDS.put(HandlerRows.class, List.of("d", "d.alloc"));
        IDS.put(NoTravelHandlerRow.class, List.of("d'"));
        IDS.put(ChecksumRow.class, List.of("h"));
        IDS.put(ReplayRows.class, List.of("e", "e.recovery"));
        IDS.put(VerifyRow.class, List.of("e+v"));
        IDS.put(PathRows.class, List.of("f.cold", "f.cold.scenario", "f.cached", "f.cold.arena", "f.cold.den312d",
            "f.cold.lak303d", "f.cold.arena2", "f.cold.brc202d", "f.cold.maze512-1-0", "f.cold.random512-10-0"));
        IDS.put(ScenarioRows.class, List.of("g.p50", "g.p99", "g.p999", "g.max", "g.alloc", "g.gc.count", "g.gc.max", "g.rss",
            "g.paths"));
        IDS.put(SeedRows.class, List.of("seed", "seed.hytrix"));
        IDS.put(JvmRows.class, List.of("jvm.gc", "jvm.hwm"));
    }

    /** Rows that quote rather than measure: no figure. */
    private static final List<String> NO_FIGURE = List.of("seed", "seed.hytrix");

    @TempDir
    Path work;

    @Test
    void everyGroupAtTinySizesGivesItsRowsWithFiniteFiguresAndConsistentVerdicts() throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults().withLayout(ThreadLayout.COMPOSED)
            .withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING);
        final List<RowGroup> groups = Bench.groups(ReferenceFigures.load());
        assertThat(groups).extracting(g -> (Object)g.getClass()).containsExactlyElementsOf(IDS.keySet());

        final Map<RowGroup, List<Row>> measured = new IdentityHashMap<>();
        final List<Row> compared;
        try (JvmProbes probes = new JvmProbes())
        {
            final BenchRun run = new BenchRun(BenchSizes.TINY, config, work, probes, null, System.nanoTime());
            Bench.measure(run, groups, RowGroup.Phase.FIRST, measured);
            Bench.measure(run, groups, RowGroup.Phase.IN_ORDER, measured);
            compared = Bench.compare(run, groups);
            Bench.measure(run, groups, RowGroup.Phase.LAST, measured);
        }

        for (final RowGroup group : groups)
        {
            final List<Row> rows = measured.get(group);
            assertThat(rows).as(group.getClass().getSimpleName()).extracting(Row::id)
                .containsExactlyElementsOf(IDS.get(group.getClass()));
            rows.forEach(RowGroupsTest::checkRow);
        }
        // TINY compares layouts only: the other layout at the same wait strategy, for (c) and then (g).
        assertThat(compared).extracting(Row::id).containsExactly("c.split.counted-blocking", "g.p99.split.counted-blocking");
        compared.forEach(RowGroupsTest::checkRow);
        // Derived rows are computed from the rows they name.
        final Map<String, Row> byId = new LinkedHashMap<>();
        measured.values().forEach(rows -> rows.forEach(r -> byId.put(r.id(), r)));
        assertThat(byId.get("c/b").value()).isEqualTo(byId.get("c").value() / byId.get("b").value());
        assertThat(byId.get("c/a").value()).isEqualTo(byId.get("c").value() / byId.get("a").value());
        assertThat(byId.get("e.recovery").value()).isEqualTo(ReplayRows.RECOVERY_COMMANDS / byId.get("e").value());
        assertThat(work).isEmptyDirectory();
    }

    private static void checkRow(final Row r)
    {
        assertThat(r.label()).as(r.id()).isNotBlank();
        assertThat(r.note()).as(r.id()).isNotNull();
        if (NO_FIGURE.contains(r.id()))
        {
            assertThat(r.value()).as(r.id()).isNaN();
            assertThat(r.note()).as(r.id()).isNotBlank();
        }
        else
        {
            assertThat(r.value()).as(r.id()).isFinite().isGreaterThanOrEqualTo(0);
        }
        if (r.met() == null)
        {
            assertThat(r.budget()).as(r.id()).isEmpty();
            assertThat(r.verdict()).as(r.id()).isEmpty();
        }
        else
        {
            assertThat(r.budget()).as(r.id()).isNotBlank();
            assertThat(r.verdict()).as(r.id()).matches(r.met() ? "met" : "MISSED by .+");
        }
    }

    @Test
    void aDerivedRowReadBeforeItsSourceIsMeasuredIsAnError()
    {
        final BenchRun run = new BenchRun(BenchSizes.TINY, PipelineConfig.defaults(), work, null, null, System.nanoTime());
        run.add(Row.info("c", "c", 1, "", ""));
        assertThatThrownBy(() -> run.add(PipelineRows.PIPELINE_OVER_QUEUE)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("b");
        run.add(Row.info("b", "b", 4, "", ""));
        assertThat(run.add(PipelineRows.PIPELINE_OVER_QUEUE).value()).isEqualTo(0.25);
        assertThatThrownBy(() -> run.add(Row.info("b", "again", 1, "", ""))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theComparisonCoversEveryOtherLayoutAndInAFullRunEveryWaitStrategy()
    {
        final PipelineConfig config = PipelineConfig.defaults().withLayout(ThreadLayout.COMPOSED)
            .withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING);
        assertThat(Bench.others(config, BenchSizes.QUICK)).extracting(BenchRun::name).containsExactly("split/counted-blocking");
        final List<String> full = new ArrayList<>();
        Bench.others(config, BenchSizes.FULL).forEach(c -> full.add(BenchRun.name(c)));
        assertThat(full).hasSize(ThreadLayout.values().length * Bench.COMPARED_WAITS.length - 1)
            .doesNotContain("composed/counted-blocking").contains("split/yielding", "composed/blocking");
    }

    @Test
    void theSeedFiguresAreReadFromTheResourceWithTheirSources()
    {
        final ReferenceFigures seed = ReferenceFigures.load();
        assertThat(seed.rowLabel()).isEqualTo("seed's Rust rewrite, 2,500 actors");
        assertThat(seed.note()).isEqualTo("RSS 390 MB; p99 hunt-complete 175 ms; allocation 11 kB/s; 0 GC pauses");
        assertThat(seed.figures()).extracting(ReferenceFigures.Figure::key).containsExactly("rss", "p99", "allocation", "gc");
        assertThat(seed.figures()).allSatisfy(f -> assertThat(f.source()).contains("a Go to Rust rewrite"));
        assertThat(seed.source()).contains("a Go to Rust rewrite");

        final Properties broken = new Properties();
        broken.setProperty("figures", "rss");
        broken.setProperty("rss.value", "lots");
        assertThatThrownBy(() -> ReferenceFigures.parse(broken)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("rss.");
    }
}
