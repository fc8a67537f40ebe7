package io.hytrix.cli;

import io.hytrix.replay.ActorTracer;
import io.hytrix.replay.ReplayBound;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.WhyTracker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code ./hytrix why JOURNAL ACTOR}: which commands produced an actor's inventory and effects. */
final class WhyVerb implements Verb
{
    @Override
    public String name()
    {
        return "why";
    }

    @Override
    public String summary()
    {
        return "explain which commands produced an actor's current items and effects";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix why JOURNAL ACTOR [--to P] [--maps DIR]",
            "",
            "Replays the journal (up to position P: an index or tick:N) and prints the actor's state and, for",
            "each item it holds and each active effect, the journal index and command that produced it.");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1, Set.of("to", "maps"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final List<String> positionals = args.positionals("JOURNAL", "ACTOR");
        final Path journal = Args.readable(positionals.get(0), true);
        final long actor;
        try
        {
            actor = Long.parseLong(positionals.get(1));
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("ACTOR must be an actor id (a whole number), got '" + positionals.get(1) + "'");
        }
        final ReplayBound to = args.flag("to") ? ReplayBound.parse(args.string("to", null)) : ReplayBound.END;
        final String maps = args.string("maps", null);
        final WhyTracker why = new WhyTracker(actor);
        final Replayer replayer = new Replayer(new ShippedMaps(maps == null ? null : Args.readable(maps, true)),
            Replayer.pathCache(0), why);
        replayer.replay(journal, to, null);
        out.println("actor " + actor + ": " + ActorTracer.describe(replayer.handler(), actor));
        final List<String> lines = why.explain();
        if (replayer.handler().actor(actor) == null)
        {
            out.println("(the actor is in no running hunt at that point)");
        }
        else if (lines.isEmpty())
        {
            out.println("(no items and no effects)");
        }
        lines.forEach(line -> out.println("  " + line));
        return 0;
    }
}
