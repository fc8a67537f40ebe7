package io.hytrix.cli;

import io.hytrix.engine.map.MapFormatException;
import io.hytrix.journal.JournalException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code ./hytrix <verb>}: dispatch, help, and the one-line-error-exit-2 rule for every verb. */
public final class Main
{
    static final int EXIT_USAGE = 2;

    private static final List<Verb> VERBS = List.of(
        new DemoVerb(), new ReplayVerb(), new DumpVerb(), new DiffVerb(), new CaseVerb(), new ExtractVerb(), new WhyVerb(), new SnapshotVerb(), new JournalVerb(), new PathsVerb(),
        new io.hytrix.cli.BenchVerb(),
        new io.hytrix.cli.ServeVerb(),
        new io.hytrix.cli.LoadgenVerb());

    private Main()
    {
    }

    public static void main(final String[] argv)
    {
        // As the launcher does, for `java -jar` without it (a manifest cannot carry system properties):
        // the product makes no outbound connection, and the node watches its disk space itself.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        System.exit(run(argv, System.out, System.err));
    }

    public static int run(final String[] argv, final PrintStream out, final PrintStream err)
    {
        if (argv.length == 0 || "--help".equals(argv[0]) || "-h".equals(argv[0]) || "help".equals(argv[0]))
        {
            out.println(overview());
            return argv.length == 0 ? EXIT_USAGE : 0;
        }
        final Verb verb = VERBS.stream().filter(v -> v.name().equals(argv[0])).findFirst().orElse(null);
        if (verb == null)
        {
            err.println("hytrix: unknown verb '" + argv[0] + "' (try ./hytrix --help)");
            return EXIT_USAGE;
        }
        try
        {
            return verb.run(argv, out);
        }
        catch (final UsageException | IllegalArgumentException | MapFormatException | JournalException
            | UncheckedIOException ex)
        {
            err.println("hytrix " + verb.name() + ": " + ex.getMessage());
            return EXIT_USAGE;
        }
        catch (final Exception ex)
        {
            err.println("hytrix " + verb.name() + ": " + ex);
            return 1;
        }
    }

    static String overview()
    {
        final StringBuilder sb = new StringBuilder("usage: ./hytrix <verb> [options]   (./hytrix <verb> --help for details)\n\n");
        for (final Verb verb : VERBS)
        {
            sb.append(String.format("  %-8s %s%n", verb.name(), verb.summary()));
        }
        return sb.toString().stripTrailing();
    }
}
