package io.hytrix.cli;

import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.cases.CaseExtractor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix extract}: a journal window becomes a rule case file, i.e. a regression test. */
final class ExtractVerb implements Verb
{
    @Override
    public String name()
    {
        return "extract";
    }

    @Override
    public String summary()
    {
        return "cut a journal window (with the state it needs) into a rule case file";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix extract JOURNAL --from I --to J [--hunt ID] [--out FILE.yaml] [--maps DIR]",
            "",
            "Writes a rule case whose `given` holds every command up to index J (with --hunt: only those of that",
            "hunt, its actors and ticks), each tagged with its journal index, and whose `expect` holds what this",
            "build produces for the commands from index I on. `./hytrix case FILE.yaml` then replays it.",
            "",
            "  --out FILE   write there instead of to standard output");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws IOException
    {
        final Args args = Args.parse(argv, 1, Set.of("from", "to", "hunt", "out", "maps"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        if (!args.flag("from") || !args.flag("to"))
        {
            throw new UsageException("--from I and --to J are required");
        }
        final long from = args.longValue("from", 0, 0, Long.MAX_VALUE);
        final long to = args.longValue("to", 0, from, Long.MAX_VALUE);
        final Long hunt = args.flag("hunt") ? args.longValue("hunt", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final String maps = args.string("maps", null);
        final String yaml = CaseExtractor.extract(journal, from, to, hunt,
            new ShippedMaps(maps == null ? null : Args.readable(maps, true)));
        final String target = args.string("out", null);
        if (target == null)
        {
            out.print(yaml);
        }
        else
        {
            Files.writeString(Path.of(target), yaml);
            out.println("wrote " + target);
        }
        return 0;
    }
}
