package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.FanOut;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.SwitchableListener;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.pipeline.JournalHealth;
import io.hytrix.engine.pipeline.Pipeline;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalFormatException;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.output.OutputRecorder;
import io.hytrix.journal.snapshot.SnapshotStore;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.recovery.Recovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Hytrix node, assembled in one place: the journal, the recorded outputs, recovery from the newest
 * snapshot and the journal after it, the command pipeline and its handler, the tick clock and the
 * snapshot scheduler. {@code serve}, {@code demo}, {@code bench} and the tests all run nodes built here.
 * <pre>
 *  front doors, clock, scheduler --&gt; RingGate --&gt; [command ring] 1. J: journal  2. BL: GameHandler
 *                                                                        |
 *        recorded outputs (OutputRecorder) &lt;-- listeners --&gt; NodeSnapshots, the front door's listener
 * </pre>
 * Life cycle: {@link #open} journals nothing yet and recovers the state; {@link #start} attaches the
 * front door's listener (the handler thread's only way out) and starts the pipeline, the clock and the
 * scheduler; {@link #stop} drains every admitted command through journal and handler, snapshots the
 * final state if asked, and closes the files.
 */
public final class Node implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final NodeSettings settings;
    private final ChronicleJournal journal;
    private final OutputQueue outputs;
    private final OutputGuard outputGuard;
    private final PathCache paths;
    private final Recovery.Recovered recovery;
    private final SwitchableListener live = new SwitchableListener();
    private final NodeSnapshots snapshots;
    private final Pipeline pipeline;
    private final RingGate gate;
    private TickClock clock;
    private SnapshotScheduler scheduler;
    private DiskSpaceWatch diskWatch;
    private boolean started;
    private boolean drained;
    private ShutdownSummary summary;

    private Node(final NodeSettings settings, final Consumer<String> log)
    {
        this.settings = settings;
        this.paths = PathCache.ofBudget(PathCache.DEFAULT_BUDGET_BYTES, new AStarPathfinder());
        if (settings.freshJournal())
        {
            deleteSnapshots(settings.snapshotDirectory());
        }
        this.journal = openJournal(settings.journal().directory());
        OutputQueue opened = null;
        try
        {
            opened = settings.outputs().open(settings.freshJournal(), journal.nextIndex());
            this.outputs = opened;
            this.snapshots = new NodeSnapshots(settings.snapshotDirectory(), settings.snapshots().keep());
            this.outputGuard = outputs == null ? null : new OutputGuard(new OutputRecorder(outputs));
            // Outputs are recorded during recovery too (it re-records what a crash or a failure of the
            // outputs lost: recovery starts no later than the first unrecorded command); the live
            // listeners are switched on only afterwards: nobody waits for those answers.
            this.recovery = recover(new ShippedMaps(settings.maps()),
                outputs == null ? live : new FanOut(List.of(live, outputGuard)),
                outputs == null ? Long.MAX_VALUE : outputs.lastRecordedIndex(), log);
            this.pipeline = new Pipeline(settings.pipeline(), journal, recovery.handler());
            this.gate = new RingGate(pipeline);
        }
        catch (final RuntimeException | Error ex)
        {
            if (opened != null)
            {
                opened.close();
            }
            journal.close();
            throw ex;
        }
    }

    /** Opens the journal and recovers its commands into a handler; nothing runs until {@link #start}. */
    public static Node open(final NodeSettings settings, final Consumer<String> log)
    {
        return new Node(settings, log);
    }

    /** Opens and starts a node whose outcomes and events go to {@code listener} (on the handler thread). */
    public static Node start(final NodeSettings settings, final EngineListener listener)
    {
        return open(settings, line -> { }).start(listener);
    }

    /**
     * Starts the pipeline with {@code frontDoor} listening on the handler thread (after the node's own
     * snapshot listener, so a snapshot answer can report the snapshot just taken), then the clock and
     * the snapshot scheduler.
     */
    public synchronized Node start(final EngineListener frontDoor)
    {
        if (started)
        {
            throw new IllegalStateException("the node is already started");
        }
        started = true;
        live.target(new FanOut(List.of(snapshots, frontDoor)));
        pipeline.start();
        if (settings.tickHz() > 0)
        {
            clock = new TickClock(gate, settings.tickHz());
            clock.start();
        }
        if (settings.minFreeDiskBytes() > 0)
        {
            diskWatch = watchDisk();
            diskWatch.start();
        }
        if (settings.snapshots().periodic())
        {
            scheduler = new SnapshotScheduler(gate, snapshots, settings.snapshots());
            scheduler.start();
        }
        return this;
    }

    /** The service cannot start from what is on disk; the message is one line saying why and what to do. */
    public static final class RecoveryRefused extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        private final long index;

        RecoveryRefused(final String message, final long index, final Throwable cause)
        {
            super(message, cause);
            this.index = index;
        }

        /** Journal index of the corrupt entry, or -1 when the problem is not one entry. */
        public long index()
        {
            return index;
        }
    }

    /**
     * The newest valid snapshot, then the journal after it, through the engine's own handler. A corrupt
     * entry stops the start with its index and the repair command; a journal that does not end where the
     * appender continues is refused as well. Nothing is skipped silently.
     */
    private Recovery.Recovered recover(final ShippedMaps maps, final EngineListener listener, final long newestSnapshot,
        final Consumer<String> log)
    {
        final Path dir = settings.journal().directory();
        final Recovery.Recovered recovered;
        try
        {
            recovered = Recovery.recover(dir, settings.snapshotDirectory(), maps, paths, listener,
                settings.outputs().checksumEveryTicks(), newestSnapshot, line -> log.accept("recovery: " + line));
        }
        catch (final JournalFormatException ex)
        {
            throw refused(dir, ex);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new RecoveryRefused("cannot recover " + dir + ": " + ex.getMessage(), -1, ex);
        }
        final long next = recovered.handler().lastJournalIndex() + 1;
        if (next != journal.nextIndex())
        {
            throw new RecoveryRefused("journal " + dir + " holds " + journal.nextIndex()
                + " entries but recovery ended after entry " + (next - 1) + "; run ./hytrix journal verify " + dir, -1, null);
        }
        return recovered;
    }

    /** The journal for appending; a damaged cycle file refuses the start as a corrupt entry does, before anything is appended. */
    private ChronicleJournal openJournal(final Path dir)
    {
        try
        {
            return ChronicleJournal.open(settings.journal());
        }
        catch (final JournalFormatException ex)
        {
            throw refused(dir, ex);
        }
    }

    private static RecoveryRefused refused(final Path dir, final JournalFormatException ex)
    {
        return new RecoveryRefused("journal entry " + ex.index() + ": " + ex.problem() + "; refusing to start (nothing is skipped"
            + " silently). To keep the " + ex.index() + " entries before it and drop it and everything after it, run: "
            + JournalFormatException.repairCommand(dir, ex.index()), ex.index(), ex);
    }

    private static void deleteSnapshots(final Path dir)
    {
        try
        {
            for (final Path file : new SnapshotStore(dir).files())
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the old snapshots in " + dir + " for --fresh: " + ex.getMessage(), ex);
        }
    }

    /** Admission into the command ring that never blocks: front doors, the clock and the scheduler use it. */
    public RingGate gate()
    {
        return gate;
    }

    /**
     * Publishes a copy of {@code template}, waiting for a free slot if the ring is full: for in-process
     * drivers that pace themselves (the demo workload, the benchmarks); front doors use {@link #gate()}.
     */
    public void publish(final CommandEvent template)
    {
        pipeline.publish(template);
    }

    public long remainingCapacity()
    {
        return pipeline.remainingCapacity();
    }

    public int ringSize()
    {
        return pipeline.ringSize();
    }

    public NodeSettings settings()
    {
        return settings;
    }

    /** Where recovery started, how many commands it replayed and how long it took. */
    public Recovery.Recovered recovery()
    {
        return recovery;
    }

    /**
     * The handler. Its state belongs to the handler thread: read it only before {@link #start} or
     * after {@link #stop} (queries through the ring are the way in between).
     */
    public GameHandler handler()
    {
        return recovery.handler();
    }

    /** The path cache; its counters are the handler thread's, see {@link #handler()}. */
    public PathCache paths()
    {
        return paths;
    }

    CommandJournal journal()
    {
        return journal;
    }

    NodeSnapshots snapshots()
    {
        return snapshots;
    }

    private DiskSpaceWatch watchDisk()
    {
        try
        {
            return new DiskSpaceWatch(settings.journal().directory(), settings.minFreeDiskBytes(), pipeline.journalHealth());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot watch the free space of " + settings.journal().directory() + ": "
                + ex.getMessage(), ex);
        }
    }

    /** Any thread: why the recorded outputs stopped (the node is degraded, not down), or null. */
    public String outputsFailure()
    {
        return outputGuard == null ? null : outputGuard.failure();
    }

    /**
     * Any thread: why something derived from the journal (recorded outputs, snapshots) is failing, or
     * null. Degraded is not down: commands are still journaled, applied and answered.
     */
    public String degraded()
    {
        final String outputs = outputsFailure();
        return outputs != null ? outputs : snapshots.lastFailure();
    }

    /** Whether the journal takes appends now, and why not; any thread. */
    public JournalHealth journalHealth()
    {
        return pipeline.journalHealth();
    }

    /** Stops the node's own inputs (clock, snapshot scheduler, disk watch); front doors stop theirs before. */
    public synchronized void stopInputs()
    {
        if (diskWatch != null)
        {
            try
            {
                diskWatch.stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            diskWatch = null;
        }
        stopQuietly(clock);
        clock = null;
        if (scheduler != null)
        {
            try
            {
                scheduler.stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    /** Refuses new commands and waits until every admitted one is journaled and applied; then the pipeline halts. */
    public synchronized void drain()
    {
        if (drained)
        {
            return;
        }
        stopInputs();
        gate.close();
        pipeline.close();
        drained = true;
    }

    /** Orderly stop; idempotent. @return the final state hash and command count (what replay of the journal gives). */
    public synchronized ShutdownSummary stop()
    {
        if (summary != null)
        {
            return summary;
        }
        drain();
        if (settings.snapshots().onStop() && started)
        {
            finalSnapshot();
        }
        snapshots.close(); // waits for the writer
        if (outputs != null)
        {
            outputs.close();
        }
        journal.close();
        summary = new ShutdownSummary(handler().stateHash(), handler().commands());
        return summary;
    }

    @Override
    public void close()
    {
        stop();
    }

    /** The pipeline has halted, so this thread may read the handler's state; failures only cost a longer restart. */
    private void finalSnapshot()
    {
        try
        {
            snapshots.take(handler());
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("no snapshot on stop; the next start replays the journal after the newest snapshot", ex);
        }
    }

    private static void stopQuietly(final TickClock clock)
    {
        if (clock == null)
        {
            return;
        }
        try
        {
            clock.stop();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
