package io.hytrix.tools;

import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.scenario.Scenario;
import io.hytrix.replay.scenario.ScenarioFile;
import io.hytrix.replay.scenario.ScenarioRunner;
import io.hytrix.replay.scenario.ScenarioWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix scenario FILE.yaml}: given commands, expected events; a readable diff on mismatch. */
final class ScenarioVerb implements Verb
{
    @Override
    public String name()
    {
        return "scenario";
    }

    @Override
    public String summary()
    {
        return "run YAML scenario files (given commands, expected events) and report mismatches";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix scenario FILE.yaml... [--record] [--maps DIR]",
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
            final Scenario scenario = ScenarioFile.read(file);
            if (args.flag("record"))
            {
                final ScenarioRunner.Outcome outcome = ScenarioRunner.run(scenario.given(), scenario.from(), catalog);
                Files.writeString(file, ScenarioWriter.write(scenario.name(), scenario.given(), null, scenario.from(),
                    outcome.actual(), outcome.stateHash()));
                out.println("RECORDED " + file + " (" + outcome.actual().size() + " outputs)");
                continue;
            }
            final String problem = ScenarioRunner.check(scenario, catalog);
            if (problem == null)
            {
                out.println("PASS " + file + " (" + scenario.expect().size() + " outputs)");
            }
            else
            {
                failed++;
                out.println("FAIL " + file);
                out.println(problem);
            }
        }
        out.println("scenarios=" + files.size() + " failed=" + failed);
        return failed == 0 ? 0 : 1;
    }
}
