package io.hytrix.cli;

import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ActorTracer;
import io.hytrix.replay.EventWriter;
import io.hytrix.engine.game.FanOut;
import io.hytrix.replay.ReplayBound;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.ReplayWindow;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.journal.snapshot.SnapshotStore;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import io.hytrix.replay.verify.VerifyText;
import io.hytrix.journal.output.OutputQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/** {@code ./hytrix replay JOURNAL}: the journal through the engine's handler, then its state hash. */
final class ReplayVerb implements Verb
{
    @Override
    public String name()
    {
        return "replay";
    }

    @Override
    public String summary()
    {
        return "replay a journal through the engine and print its state hash";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix replay JOURNAL [--from P] [--to P] [--actor ID] [--events-out FILE] [--outcomes]",
            "                               [--snapshots DIR] [--path-cache-size N] [--maps DIR]",
            "       ./hytrix replay JOURNAL --verify [--outputs DIR] [--snapshots DIR] [--path-cache-size N] [--maps DIR]",
            "",
            "Replays the commands of the journal in directory JOURNAL through the engine's own handler and",
            "prints the replay rate, the path-cache counters and, as the last line,",
            "  stateHash=<16 hex digits> commands=<n> events=<n>",
            "",
            "  --from P             trace and write events only from position P on; state is still built from",
            "                       the journal's start. P is a journal index (1200) or a tick (tick:30)",
            "  --to P               stop after position P (inclusive); the hash is the state there",
            "  --actor ID           trace that actor: each of its commands, the events about it, its state after",
            "  --events-out FILE    write the events (in the window) to FILE: JSON lines for .json/.jsonl, else YAML",
            "  --outcomes           with --events-out, also write each command's outcome",
            "  --snapshots DIR      start from the newest valid snapshot in DIR (at or before --to) instead of",
            "                       the journal's first entry; corrupt snapshots are reported and skipped",
            "  --path-cache-size N  hold at most N paths in the global path cache (default: a 64 MiB budget);",
            "                       the result never depends on it",
            "  --maps DIR           look for NAME.map files here before the shipped maps",
            "  --verify             check the journal against the outcomes, events and per-subsystem checksums the",
            "                       live engine recorded beside it; names the first command and the first tick and",
            "                       subsystem that differ. Exit 0 identical, 1 different, 2 error",
            "  --outputs DIR        the recorded outputs (default: JOURNAL.outputs beside the journal); with",
            "                       --snapshots, verification starts after the newest valid snapshot (a pruned journal)");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1,
            Set.of("path-cache-size", "maps", "from", "to", "actor", "events-out", "snapshots", "outputs"),
            Set.of("outcomes", "verify"));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final int cacheSize = args.intValue("path-cache-size", 0, 1, Integer.MAX_VALUE);
        final ReplayBound from = ReplayBound.parse(args.string("from", "0"));
        final ReplayBound to = args.flag("to") ? ReplayBound.parse(args.string("to", null)) : ReplayBound.END;
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final String maps = args.string("maps", null);
        final ShippedMaps catalog = new ShippedMaps(maps == null ? null : Args.readable(maps, true));
        if (args.flag("verify"))
        {
            return verify(args, journal, catalog, cacheSize, out);
        }
        if (args.flag("outputs"))
        {
            throw new UsageException("--outputs goes with --verify");
        }

        final List<EngineListener> listeners = new ArrayList<>();
        final ActorTracer tracer = args.flag("actor")
            ? new ActorTracer(args.longValue("actor", 0, Long.MIN_VALUE, Long.MAX_VALUE), out) : null;
        if (tracer != null)
        {
            listeners.add(tracer);
        }
        final String eventsOut = args.string("events-out", null);
        try (PrintStream events = eventsOut == null ? null : new PrintStream(eventsOut, "UTF-8"))
        {
            final EventWriter writer = events == null ? null : new EventWriter(events, EventWriter.formatFor(eventsOut),
                args.flag("outcomes"));
            if (writer != null)
            {
                listeners.add(writer);
            }
            final EngineListener listener = listeners.isEmpty() ? EngineListener.NONE
                : new ReplayWindow(from, new FanOut(listeners));
            final Replayer replayer = new Replayer(catalog, Replayer.pathCache(cacheSize), listener);
            if (tracer != null)
            {
                tracer.handler(replayer.handler());
            }
            if (args.flag("snapshots"))
            {
                startFromSnapshot(replayer, Args.readable(args.string("snapshots", null), true), to, out);
            }
            final ReplayResult result = replayer.replay(journal, to, progress());
            clearProgress();
            final PathCache paths = replayer.pathCacheInUse();
            out.printf("replayed %d commands in %.3f s (%.0f commands/s); path cache hits=%d misses=%d evictions=%d%n",
                result.applied(), result.nanos() / 1e9, result.commandsPerSecond(), paths.hits(), paths.misses(),
                paths.evictions());
            if (tracer != null)
            {
                out.println("traced " + tracer.traced() + " commands of actor " + args.string("actor", ""));
            }
            if (writer != null)
            {
                out.println("wrote " + writer.written() + " events to " + eventsOut);
            }
            out.println(result.lastLine());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + eventsOut + ": " + ex.getMessage(), ex);
        }
        return 0;
    }

    private static int verify(final Args args, final Path journal, final ShippedMaps maps, final int cacheSize,
        final PrintStream out)
    {
        for (final String other : new String[] { "from", "to", "actor", "events-out", "outcomes" })
        {
            if (args.flag(other))
            {
                throw new UsageException("--verify replays the whole journal (or from --snapshots); it does not take --" + other);
            }
        }
        final Path outputs = Args.readable(args.string("outputs", OutputQueue.besideJournal(journal).toString()), true);
        final OutputVerifier verifier = new OutputVerifier(maps, Replayer.pathCache(cacheSize));
        if (args.flag("snapshots"))
        {
            final Path dir = Args.readable(args.string("snapshots", null), true);
            try
            {
                final Optional<SnapshotStore.Snapshot> snapshot = newestSnapshot(dir, ReplayBound.END, out);
                if (snapshot.isPresent())
                {
                    verifier.startFrom(snapshot.get().payload());
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read snapshots in " + dir + ": " + ex.getMessage(), ex);
            }
        }
        final long start = System.nanoTime();
        final VerifyReport report = verifier.run(journal, outputs, progress());
        final long nanos = System.nanoTime() - start;
        clearProgress();
        out.printf("replayed %d commands in %.3f s (%.0f commands/s)%n", verifier.handler().commands(), nanos / 1e9,
            verifier.handler().commands() * 1e9 / Math.max(1, nanos));
        VerifyText.summary(report, outputs, out);
        out.println(new ReplayResult(verifier.handler().stateHash(), verifier.handler().commands(),
            verifier.handler().events(), verifier.handler().commands(), nanos).lastLine());
        return report.identical() ? 0 : 1;
    }

    private static void clearProgress()
    {
        if (System.console() != null)
        {
            System.err.print("\r\033[K");
        }
    }

    private static void startFromSnapshot(final Replayer replayer, final Path dir, final ReplayBound to,
        final PrintStream out) throws IOException
    {
        final Optional<SnapshotStore.Snapshot> snapshot = newestSnapshot(dir, to, out);
        if (snapshot.isPresent())
        {
            replayer.startFrom(snapshot.get().payload());
        }
    }

    /** The newest valid snapshot at or before {@code to}, saying which (or that there is none). */
    private static Optional<SnapshotStore.Snapshot> newestSnapshot(final Path dir, final ReplayBound to, final PrintStream out)
        throws IOException
    {
        if (to.byTick())
        {
            throw new UsageException("--to tick:N counts ticks from the journal's start; use a journal index with --snapshots");
        }
        final Optional<SnapshotStore.Snapshot> snapshot = new SnapshotStore(dir).newestValid(to.value(), out::println);
        if (snapshot.isEmpty())
        {
            out.println("no valid snapshot in " + dir + " at or before " + to + ": replaying from the start");
            return snapshot;
        }
        out.println("starting from " + snapshot.get().file() + " (journal index " + snapshot.get().journalIndex() + ")");
        return snapshot;
    }

    /** A progress line on a terminal only, so scripts and pipes see just the result. */
    private static LongConsumer progress()
    {
        if (System.console() == null)
        {
            return null;
        }
        final long start = System.nanoTime();
        return n -> System.err.printf("\rreplaying: %,d commands, %.0f/s", n, n * 1e9 / (System.nanoTime() - start));
    }
}
