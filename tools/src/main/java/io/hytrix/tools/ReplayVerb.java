package io.hytrix.tools;

import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

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
            "usage: ./hytrix replay JOURNAL [--path-cache-size N] [--maps DIR]",
            "",
            "Replays every command of the journal in directory JOURNAL through the engine's own handler",
            "and prints the replay rate, the path-cache counters and, as the last line,",
            "  stateHash=<16 hex digits> commands=<n> events=<n>",
            "",
            "  --path-cache-size N  hold at most N paths in the global path cache (default: a 64 MiB budget);",
            "                       the result never depends on it",
            "  --maps DIR           look for NAME.map files here before the shipped maps");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1, Set.of("path-cache-size", "maps"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final int cacheSize = args.intValue("path-cache-size", 0, 1, Integer.MAX_VALUE);
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final String maps = args.string("maps", null);
        final Replayer replayer = new Replayer(new ShippedMaps(maps == null ? null : Args.readable(maps, true)),
            Replayer.pathCache(cacheSize), EngineListener.NONE);
        final ReplayResult result = replayer.replay(journal, n -> System.err.print("\rreplayed " + n + " commands"));
        final PathCache paths = replayer.pathCacheInUse();
        out.printf("replayed %d commands in %.3f s (%.0f commands/s); path cache hits=%d misses=%d evictions=%d%n",
            result.commands(), result.nanos() / 1e9, result.commandsPerSecond(), paths.hits(), paths.misses(),
            paths.evictions());
        out.println(result.lastLine());
        return 0;
    }
}
