package io.hytrix.cli;

import io.hytrix.cli.paths.PathsCheck;
import io.hytrix.cli.paths.PathsReport;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ./hytrix paths MAP SCEN}: the engine's pathfinder against a Moving AI scenario file. */
final class PathsVerb implements Verb
{
    @Override
    public String name()
    {
        return "paths";
    }

    @Override
    public String summary()
    {
        return "solve every scenario of a Moving AI .scen file and compare with optimal_length";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix paths MAP SCEN",
            "",
            "Solves every problem in the Moving AI scenario file SCEN on the map file MAP with the engine's",
            "A* and compares each cost with optimal_length (absolute tolerance 1e-6). Prints each mismatch,",
            "then as the last line: scenarios=<n> mismatches=<m> maxError=<e>. Exit 0 only if m = 0.");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1, Set.of(), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final List<String> files = args.positionals("MAP", "SCEN");
        final PathsReport report = PathsCheck.run(Args.readable(files.get(0), false), Args.readable(files.get(1), false), out);
        out.println(report.lastLine());
        return report.mismatches() == 0 ? 0 : 1;
    }
}
