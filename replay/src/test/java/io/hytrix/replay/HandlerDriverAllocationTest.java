package io.hytrix.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay's loop must not allocate once warm: a journal on disk, read by Chronicle, applied by the
 * engine's handler through {@link HandlerDriver}, with a progress callback set. Measured with the
 * calling thread's allocation counter, so Chronicle's and the test runner's threads do not count.
 *
 * <p>The bound is the journal's reading test's, for the same reason: Chronicle allocates a few hundred
 * bytes on rare GC- or JIT-driven events (see journal's {@code AllocationTest}). So 0 bytes in a
 * window with no GC, {@link #PER_GC_BYTES} per GC otherwise, best of {@link #ATTEMPTS} windows: a
 * one-off lands in one window, a per-command allocation ({@link #WINDOW} commands) in all of them.
 * The journal stays well inside Chronicle's first 64 MB chunk of the cycle file.
 *
 * <p>Hunts here outlive the journal: {@link ShippedMaps} looks a map up by a new String, once per
 * hunt created, which is the catalog's cost and not the loop's. Every other command type, and the
 * path cache's hits and misses, run in the measured windows.
 */
class HandlerDriverAllocationTest
{
    private static final int WARM_UP = 400_000;
    private static final int WINDOW = 100_000;
    private static final int ATTEMPTS = 3;
    private static final long PER_GC_BYTES = 1024;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private long progressCalls;

    @Test
    void theReplayLoopAllocatesNothingPerCommandOnceWarm()
    {
        THREADS.getCurrentThreadAllocatedBytes(); // the first call initialises the counter and allocates
        final ShippedMaps maps = new ShippedMaps();
        final Path journal = write(dir.resolve("journal"), maps, WARM_UP + ATTEMPTS * WINDOW);
        final ReplayBound[] windowEnds = new ReplayBound[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS; i++)
        {
            windowEnds[i] = new ReplayBound(false, WARM_UP + (i + 1L) * WINDOW - 1);
        }
        final HandlerDriver driver = new HandlerDriver(new GameHandler(maps, Replayer.pathCache(0), EngineListener.NONE));
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal))
        {
            driver.source(source, 0).progress(n -> progressCalls++);
            assertThat(driver.until(new ReplayBound(false, WARM_UP - 1)).run()).isEqualTo(WARM_UP);

            long bytes = 0;
            long gcs = 0;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++)
            {
                final HandlerDriver bounded = driver.until(windowEnds[attempt]);
                final long gcsBefore = gcCount();
                final long before = THREADS.getCurrentThreadAllocatedBytes();
                final long applied = bounded.run();
                bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
                gcs = gcCount() - gcsBefore;
                System.out.printf("%d commands replayed: %d bytes allocated, %d GC(s), attempt %d%n", applied, bytes, gcs,
                    attempt + 1);
                assertThat(applied).isEqualTo(WINDOW);
                if (bytes <= gcs * PER_GC_BYTES)
                {
                    break;
                }
            }
            assertThat(bytes).as("bytes allocated replaying %d commands with %d GC(s) during the window", WINDOW, gcs)
                .isLessThanOrEqualTo(gcs * PER_GC_BYTES);
        }
        assertThat(progressCalls).as("the progress path ran").isPositive();
        assertThat(driver.ticks()).as("ticks ran").isPositive();
    }

    /** The matchmaker's first {@code commands} commands, journaled; hunts last longer than the journal. */
    private static Path write(final Path journal, final ShippedMaps maps, final int commands)
    {
        final MatchmakerScript script = new MatchmakerScript(7, 300, 100, 1_000_000, 120,
            new GridMap[] { maps.require("arena"), maps.require("den312d"), maps.require("plaza") });
        final CommandEvent cmd = new CommandEvent();
        try (ChronicleJournal out = ChronicleJournal.open(JournalConfig.in(journal).withMode(JournalConfig.Mode.FRESH)))
        {
            for (int i = 0; i < commands; i++)
            {
                script.next(cmd);
                out.append(cmd);
            }
        }
        return journal;
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
