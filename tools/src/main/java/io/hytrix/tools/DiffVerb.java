package io.hytrix.tools;

import io.hytrix.replay.JournalDiff;
import io.hytrix.replay.ShippedMaps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code ./hytrix diff}: where two replays part ways. Exit 0 identical, 1 different, 2 error. */
final class DiffVerb implements Verb
{
    @Override
    public String name()
    {
        return "diff";
    }

    @Override
    public String summary()
    {
        return "compare two journals, or one journal through this build and another; first divergence";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix diff A B                      two journals through this build",
            "       ./hytrix diff A --other-jar PATH       journal A through this build and the build in PATH",
            "",
            "Replays both sides command by command. Prints `identical commands=<n>`, or the first divergent",
            "journal index with the two sides' command, outcome and events side by side (YAML; ≠ marks the",
            "lines that differ) and the state of the actors involved, field by field.",
            "Exit 0 identical, 1 different, 2 error.",
            "",
            "  --other-jar PATH   another Hytrix build's fat jar (e.g. tools/target/hytrix.jar of another checkout)",
            "  --maps DIR         look for NAME.map files here before the shipped maps");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws Exception
    {
        final Args args = Args.parse(argv, 1, Set.of("other-jar", "maps"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final String maps = args.string("maps", null);
        final Path mapDir = maps == null ? null : Args.readable(maps, true);
        if (args.flag("other-jar"))
        {
            final Path journal = Args.readable(args.positionals("A").get(0), true);
            final Path jar = Args.readable(args.string("other-jar", null), false);
            return OtherBuildDiff.diff(journal, jar, mapDir, out) ? 0 : 1;
        }
        final List<String> journals = args.positionals("A", "B");
        final Path a = Args.readable(journals.get(0), true);
        final Path b = Args.readable(journals.get(1), true);
        return JournalDiff.diff(a, b, new ShippedMaps(mapDir), new ShippedMaps(mapDir), out) ? 0 : 1;
    }
}
