package io.hytrix.cli;

import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.util.Hash64;
import io.hytrix.replay.ReplayBound;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.journal.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix snapshot JOURNAL --out DIR}: replays a journal and writes a snapshot of its end state. */
final class SnapshotVerb implements Verb
{
    @Override
    public String name()
    {
        return "snapshot";
    }

    @Override
    public String summary()
    {
        return "replay a journal offline and write a snapshot of its final state";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix snapshot JOURNAL --out DIR [--to P] [--maps DIR]",
            "",
            "Replays JOURNAL and writes DIR/snapshot-<last journal index>.hsnap (checksummed, written atomically),",
            "which `replay --snapshots DIR`, recovery and `journal prune` use. Prints the snapshot's size, the",
            "time to write it and the state hash. --to P snapshots the state at journal index P (or tick:N).");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws IOException
    {
        final Args args = Args.parse(argv, 1, Set.of("out", "maps", "to"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        if (!args.flag("out"))
        {
            throw new UsageException("--out DIR is required");
        }
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final String maps = args.string("maps", null);
        final Replayer replayer = new Replayer(new ShippedMaps(maps == null ? null : Args.readable(maps, true)),
            Replayer.pathCache(0), EngineListener.NONE);
        replayer.replay(journal, args.flag("to") ? ReplayBound.parse(args.string("to", null)) : ReplayBound.END, null);
        final long start = System.nanoTime();
        final byte[] payload = StateSnapshot.capture(replayer.handler());
        final long captured = System.nanoTime();
        final Path file = new SnapshotStore(Path.of(args.string("out", null))).write(replayer.handler().lastJournalIndex(), payload);
        final long written = System.nanoTime();
        out.printf("wrote %s: %d bytes, captured in %.2f ms, written and forced in %.2f ms%n", file, payload.length,
            (captured - start) / 1e6, (written - captured) / 1e6);
        out.println("stateHash=" + Hash64.hex(replayer.handler().stateHash()) + " commands=" + replayer.handler().commands());
        return 0;
    }
}
