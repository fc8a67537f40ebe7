package io.hytrix.cli;

import io.hytrix.journal.output.OutputQueue;
import io.hytrix.replay.JournalDiff;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import io.hytrix.replay.verify.VerifyText;
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
            "       ./hytrix diff A --recorded [DIR]       journal A through this build against the outputs the live",
            "                                              engine recorded (default DIR: A.outputs beside A)",
            "",
            "Replays both sides command by command. Prints `identical commands=<n>`, or the first divergent",
            "journal index with the two sides' command, outcome and events side by side (YAML; ≠ marks the",
            "lines that differ) and the state of the actors involved, field by field (against recorded outputs:",
            "this build's state, and the first tick and subsystem whose recorded checksum differs).",
            "Exit 0 identical, 1 different, 2 error.",
            "",
            "  --other-jar PATH   another Hytrix build's fat jar (e.g. tools/target/hytrix.jar of another checkout)",
            "  --maps DIR         look for NAME.map files here before the shipped maps");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws Exception
    {
        final Args args = Args.parse(argv, 1, Set.of("other-jar", "maps"), Set.of("recorded"));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final String maps = args.string("maps", null);
        final Path mapDir = maps == null ? null : Args.readable(maps, true);
        if (args.flag("other-jar") && args.flag("recorded"))
        {
            throw new UsageException("--other-jar and --recorded are two different comparisons; pick one");
        }
        if (args.flag("other-jar"))
        {
            final Path journal = Args.readable(args.positionals("A").get(0), true);
            final Path jar = Args.readable(args.string("other-jar", null), false);
            return TwoBuildDiff.diff(journal, jar, mapDir, out) ? 0 : 1;
        }
        if (args.flag("recorded"))
        {
            return recorded(args, new ShippedMaps(mapDir), out);
        }
        final List<String> journals = args.positionals("A", "B");
        final Path a = Args.readable(journals.get(0), true);
        final Path b = Args.readable(journals.get(1), true);
        return JournalDiff.diff(a, b, new ShippedMaps(mapDir), new ShippedMaps(mapDir), out) ? 0 : 1;
    }

    /** {@code diff A --recorded [DIR]}: DIR is an optional second positional. */
    private static int recorded(final Args args, final ShippedMaps maps, final PrintStream out)
    {
        final List<String> names = args.positionalsAtLeastOne("A");
        if (names.size() > 2)
        {
            throw new UsageException("diff A --recorded takes at most one outputs directory, got " + (names.size() - 1));
        }
        final Path journal = Args.readable(names.get(0), true);
        final Path outputs = Args.readable(names.size() == 2 ? names.get(1) : OutputQueue.besideJournal(journal).toString(), true);
        final VerifyReport report = new OutputVerifier(maps, Replayer.pathCache(0)).run(journal, outputs, null);
        VerifyText.diff(report, out);
        return report.identical() ? 0 : 1;
    }
}
