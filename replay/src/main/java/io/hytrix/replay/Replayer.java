package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
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
    /** The default global path-cache budget, the same as the live service's. */
    public static final long DEFAULT_PATH_CACHE_BYTES = 64L << 20;

    private final MapCatalog maps;
    private final PathCache paths;
    private final EngineListener listener;

    public Replayer(final MapCatalog maps, final PathCache paths, final EngineListener listener)
    {
        this.maps = maps;
        this.paths = paths;
        this.listener = listener;
    }

    /** A path cache for replay: the default budget, or exactly {@code entries} entries when positive. */
    public static PathCache pathCache(final int entries)
    {
        final AStarPathfinder finder = new AStarPathfinder();
        return entries > 0 ? new PathCache(entries, 1 << 20, finder) : PathCache.ofBudget(DEFAULT_PATH_CACHE_BYTES, finder);
    }

    /**
     * Replays the whole journal in {@code directory}.
     *
     * @param progress called now and then with the number of commands applied so far; may be null.
     */
    public ReplayResult replay(final Path directory, final LongConsumer progress)
    {
        final GameHandler handler = new GameHandler(maps, paths, listener);
        final CommandEvent cmd = new CommandEvent();
        final long start = System.nanoTime();
        try (ChronicleCommandSource source = ChronicleCommandSource.open(directory))
        {
            while (source.next(cmd))
            {
                handler.apply(cmd);
                if (progress != null && (handler.commands() & 0xFFFFF) == 0)
                {
                    progress.accept(handler.commands());
                }
            }
        }
        return new ReplayResult(handler.stateHash(), handler.commands(), handler.events(), System.nanoTime() - start);
    }

    public PathCache pathCacheInUse()
    {
        return paths;
    }
}
