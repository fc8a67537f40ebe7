package io.hytrix.cli;

import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.cases.RuleCase;
import io.hytrix.replay.cases.CaseFile;
import io.hytrix.replay.cases.CaseRunner;
import io.hytrix.replay.cases.CaseWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix case FILE.yaml}: a rule case,: given commands, expected events; a readable diff on mismatch. */
final class CaseVerb implements Verb
{
    @Override
    public String name()
    {
        return "case";
    }

    @Override
    public String summary()
    {
        return "run YAML rule cases (given commands, expected events) and report mismatches";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix case FILE.yaml... [--record] [--maps DIR]",
            "",
            "Applies each file's `given` commands to a fresh engine and compares the outcomes and events of the",
            "commands from position `from` on with its `expect` list (and `stateHash`, if present). Prints",
            "`PASS <file>` or the first difference with context; exit 0 when every file passes, 1 otherwise.",
            "",
            "  --record     write what this build produces into the file's expect/stateHash (to author a file)",
            "  --maps DIR   look for NAME.map files here before the shipped maps");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws IOException
    {
        final Args args = Args.parse(argv, 1, Set.of("maps"), Set.of("record"));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final String maps = args.string("maps", null);
        final ShippedMaps catalog = new ShippedMaps(maps == null ? null : Args.readable(maps, true));
        final java.util.List<String> files = args.positionalsAtLeastOne("FILE.yaml");
        int failed = 0;
        for (final String name : files)
        {
            final Path file = Args.readable(name, false);
            final RuleCase ruleCase = CaseFile.read(file);
            if (args.flag("record"))
            {
                final CaseRunner.Outcome outcome = CaseRunner.run(ruleCase.given(), ruleCase.from(), catalog);
                Files.writeString(file, CaseWriter.write(ruleCase.name(), ruleCase.given(), null, ruleCase.from(),
                    outcome.actual(), outcome.stateHash()));
                out.println("RECORDED " + file + " (" + outcome.actual().size() + " outputs)");
                continue;
            }
            final String problem = CaseRunner.check(ruleCase, catalog);
            if (problem == null)
            {
                out.println("PASS " + file + " (" + ruleCase.expect().size() + " outputs)");
            }
            else
            {
                failed++;
                out.println("FAIL " + file);
                out.println(problem);
            }
        }
        out.println("cases=" + files.size() + " failed=" + failed);
        return failed == 0 ? 0 : 1;
    }
}
