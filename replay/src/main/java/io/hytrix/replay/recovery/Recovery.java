package io.hytrix.replay.recovery;

import io.hytrix.journal.snapshot.SnapshotStore;
import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.PathCache;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.journal.JournalMaintenance;
import io.hytrix.replay.HandlerDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Brings a handler back to the end of a journal: the newest valid snapshot, then every entry after
 * it through the engine's own handler. A corrupt entry stops recovery with its index (the caller
 * refuses to start until {@code journal repair} truncates there); nothing is skipped silently.
 */
public final class Recovery
{
    private Recovery()
    {
    }

    /** Where recovery started and what it cost. */
    public record Recovered(GameHandler handler, long snapshotIndex, long replayed, long nanos)
    {
        public String describe()
        {
            return (snapshotIndex < 0 ? "from the journal alone" : "from the snapshot at journal index " + snapshotIndex)
                + ": replayed " + replayed + " commands in " + String.format("%.3f s", nanos / 1e9);
        }
    }

    /**
     * @param snapshots the snapshot directory, or null to use the journal alone
     * @param listener  hears the events of replayed commands (usually {@link EngineListener#NONE}, or a
     *                  switchable listener the live service turns on afterwards)
     */
    public static Recovered recover(final Path journal, final Path snapshots, final MapCatalog maps, final PathCache paths,
        final EngineListener listener, final Consumer<String> report) throws IOException
    {
        return recover(journal, snapshots, maps, paths, listener, 0, report);
    }

    /**
     * As above, with the live service's checksum interval set before the journal's tail is replayed, so
     * outputs recorded during recovery carry the same checksums a live run would have.
     */
    public static Recovered recover(final Path journal, final Path snapshots, final MapCatalog maps, final PathCache paths,
        final EngineListener listener, final int checksumEveryTicks, final Consumer<String> report) throws IOException
    {
        return recover(journal, snapshots, maps, paths, listener, checksumEveryTicks, Long.MAX_VALUE, report);
    }

    /**
     * As above, starting from no snapshot newer than {@code newestSnapshot}: a node whose recorded outputs
     * end at that index replays from there, so the outputs get every command they lack, without a gap.
     */
    public static Recovered recover(final Path journal, final Path snapshots, final MapCatalog maps, final PathCache paths,
        final EngineListener listener, final int checksumEveryTicks, final long newestSnapshot,
        final Consumer<String> report) throws IOException
    {
        final long start = System.nanoTime();
        final GameHandler handler = new GameHandler(maps, paths, listener).checksumEveryTicks(checksumEveryTicks);
        final List<JournalMaintenance.Cycle> cycles = Files.isDirectory(journal) && hasQueueFiles(journal)
            ? JournalMaintenance.cycles(journal) : List.of();
        if (cycles.isEmpty())
        {
            return new Recovered(handler, -1, 0, System.nanoTime() - start);
        }
        final JournalMaintenance.Cycle last = cycles.get(cycles.size() - 1);
        final long entries = last.firstIndex() + last.entries();
        long from = cycles.get(0).firstIndex();
        long snapshotIndex = -1;
        if (snapshots != null)
        {
            final Optional<SnapshotStore.Snapshot> snapshot = new SnapshotStore(snapshots).newestValid(Math.min(entries - 1, newestSnapshot), report);
            if (snapshot.isPresent())
            {
                StateSnapshot.restore(handler, snapshot.get().payload());
                snapshotIndex = snapshot.get().journalIndex();
                from = snapshotIndex + 1;
            }
        }
        if (snapshotIndex < 0 && from > 0)
        {
            throw new IllegalStateException("the journal in " + journal + " was pruned up to index " + from
                + " and no valid snapshot covers it: cannot recover");
        }
        final long replayed;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal, from))
        {
            replayed = new HandlerDriver(handler).source(source, from).run();
        }
        return new Recovered(handler, snapshotIndex, replayed, System.nanoTime() - start);
    }

    private static boolean hasQueueFiles(final Path dir) throws IOException
    {
        try (var files = Files.list(dir))
        {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
    }
}
