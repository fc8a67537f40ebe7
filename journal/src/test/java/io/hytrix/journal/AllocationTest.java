package io.hytrix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.output.OutputRecorder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appending and reading must not allocate once warm. Measured with the calling thread's allocation
 * counter, so other threads (Chronicle's, the test runner's) do not count.
 *
 * <p>Chronicle itself allocates on three rare, size- or GC-driven events, found by recording every
 * allocation with JFR ({@code -XX:-UseTLAB}, {@code jdk.ObjectAllocationOutsideTLAB}):
 * <ul>
 *   <li>mapping the next 64 MB chunk of the cycle file: 650-850 bytes, once per 64 MB of journal
 *       (about 2 million small entries). The windows here stay inside the first chunk.</li>
 *   <li>re-creating SCQIndexing's per-thread index-array holder, which it keeps behind a
 *       {@code WeakReference} (ThreadLocalHelper.getTL): after a GC clears it, the next indexed
 *       append (every 256th) builds a new one, 216-288 bytes.</li>
 *   <li>a JIT deoptimisation on a rarely taken Chronicle path (such as starting a new index page)
 *       re-materialising eliminated objects: a few hundred bytes, once.</li>
 * </ul>
 * Hence the bound: 0 bytes in a window with no GC, {@link #PER_GC_BYTES} per GC otherwise, and the
 * best of {@link #ATTEMPTS} windows, since a one-off event lands in one window while a real
 * per-call allocation (100,000 calls) would land in all of them.
 */
class AllocationTest
{
    private static final int BATCH = 100_000;
    private static final int WARM_UP_BATCHES = 10;
    /** Generous cover for re-creating Chronicle's index holder (and its index2index twin) after a GC. */
    private static final long PER_GC_BYTES = 1024;
    private static final int ATTEMPTS = 3;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private final CommandEvent[] commands = new CommandEvent[9];
    private final CommandEvent into = new CommandEvent();

    @Test
    void appendAndReadAllocateNothingOnceWarm()
    {
        THREADS.getCurrentThreadAllocatedBytes(); // the first call initialises the counter and allocates
        for (int i = 0; i < commands.length; i++)
        {
            commands[i] = Commands.sample(i); // every type, including a map name and a direction
        }

        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            for (int i = 0; i < WARM_UP_BATCHES; i++)
            {
                appendBatch(journal);
            }
            assertWithinBound("append", () -> appendBatch(journal));
        }
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir))
        {
            for (int i = 0; i < WARM_UP_BATCHES; i++)
            {
                readBatch(source);
            }
            assertWithinBound("read", () -> readBatch(source));
        }
        try (OutputQueue outputs = OutputQueue.open(dir.resolve("outputs"), true, 10, Long.MAX_VALUE))
        {
            final OutputRecorder recorder = new OutputRecorder(outputs);
            for (int i = 0; i < WARM_UP_BATCHES; i++)
            {
                recordBatch(recorder);
            }
            assertWithinBound("output record", () -> recordBatch(recorder));
        }
    }

    private final GameEvent event = new GameEvent();
    private final SubsystemHashes hashes = new SubsystemHashes();
    private long recordedIndex;

    /** What the handler reports per command: two events, a checksum on every 16th, the outcome. */
    private void recordBatch(final OutputRecorder recorder)
    {
        event.type = EventType.ACTOR_MOVED;
        for (int i = 0; i < BATCH; i++)
        {
            final CommandEvent cmd = commands[i % commands.length];
            cmd.journalIndex = recordedIndex++;
            event.x = i;
            recorder.onEvent(cmd, event);
            recorder.onEvent(cmd, event);
            if ((i & 15) == 0)
            {
                recorder.onChecksum(cmd, hashes);
            }
            recorder.onOutcome(cmd);
        }
    }

    private void assertWithinBound(final String what, final Runnable batch)
    {
        long bytes = 0;
        long gcs = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final long gcsBefore = gcCount();
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            batch.run();
            bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            gcs = gcCount() - gcsBefore;
            System.out.printf("%d %ss: %d bytes allocated, %d GC(s), attempt %d%n", BATCH, what, bytes, gcs, attempt + 1);
            if (bytes <= gcs * PER_GC_BYTES)
            {
                break;
            }
        }
        assertThat(bytes).as("bytes allocated by %d %ss with %d GC(s) during the window", BATCH, what, gcs)
            .isLessThanOrEqualTo(gcs * PER_GC_BYTES);
    }

    private void appendBatch(final ChronicleJournal journal)
    {
        for (int i = 0; i < BATCH; i++)
        {
            final CommandEvent cmd = commands[i % commands.length];
            cmd.cmdId = i;
            journal.append(cmd);
        }
    }

    private void readBatch(final ChronicleCommandSource source)
    {
        for (int i = 0; i < BATCH; i++)
        {
            if (!source.next(into))
            {
                throw new AssertionError("journal ended early at " + source.nextIndex());
            }
        }
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
