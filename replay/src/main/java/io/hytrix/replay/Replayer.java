package io.hytrix.replay;

import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.journal.ChronicleCommandSource;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Drives the engine's own {@link GameHandler} from a journal: the same code that applied the
 * commands live, fed from disk instead of the ring. There is no second copy of any rule here.
 */
public final class Replayer
{
    private final GameHandler handler;
    private final HandlerDriver driver;
    private final PathCache paths;
    private long startIndex;

    public Replayer(final MapCatalog maps, final PathCache paths, final EngineListener listener)
    {
        this.paths = paths;
        this.handler = new GameHandler(maps, paths, listener);
        this.driver = new HandlerDriver(handler);
    }

    /** A path cache for replay: the default budget, or exactly {@code entries} entries when positive. */
    public static PathCache pathCache(final int entries)
    {
        final AStarPathfinder finder = new AStarPathfinder();
        return entries > 0 ? new PathCache(entries, 1 << 20, finder) : PathCache.ofBudget(PathCache.DEFAULT_BUDGET_BYTES, finder);
    }

    /**
     * Starts from a snapshot instead of the journal's first entry: its state is restored and replay
     * continues after the journal index it covers. Positions by tick then count only ticks after it.
     */
    public Replayer startFrom(final byte[] snapshotPayload) throws java.io.IOException
    {
        StateSnapshot.restore(handler, snapshotPayload);
        startIndex = handler.lastJournalIndex() + 1;
        return this;
    }

    /** Replays the whole journal in {@code directory}; {@code progress} (may be null) hears the count now and then. */
    public ReplayResult replay(final Path directory, final LongConsumer progress)
    {
        return replay(directory, ReplayBound.END, progress);
    }

    /**
     * Replays from the first entry up to and including {@code last} (a journal index or a tick).
     * State always starts from the journal's beginning; callers window what they print.
     */
    public ReplayResult replay(final Path directory, final ReplayBound last, final LongConsumer progress)
    {
        final long start = System.nanoTime();
        final long applied;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(directory, startIndex))
        {
            applied = driver.source(source, startIndex).until(last).progress(progress).run();
        }
        return new ReplayResult(handler.stateHash(), handler.commands(), handler.events(), applied, System.nanoTime() - start);
    }

    /** The handler; its state may be read between and after replays, on the replaying thread. */
    public GameHandler handler()
    {
        return handler;
    }

    /** Tick commands applied so far (after the snapshot, if replay started from one). */
    public long ticks()
    {
        return driver.ticks();
    }

    public PathCache pathCacheInUse()
    {
        return paths;
    }
}
