package io.hytrix.tools;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.CommandFormat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hytrix dump JOURNAL}: journal entries as YAML or JSON lines. */
final class DumpVerb implements Verb
{
    @Override
    public String name()
    {
        return "dump";
    }

    @Override
    public String summary()
    {
        return "print journal entries as YAML or JSON";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix dump JOURNAL [--from I] [--limit N] [--format yaml|json]",
            "",
            "Prints the journal's commands in order with their journal index (0 = first entry).",
            "  --from I      start at journal index I (default 0)",
            "  --limit N     print at most N entries (default: all)",
            "  --format F    yaml (default) or json (one object per line)");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1, Set.of("from", "limit", "format"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final long from = args.longValue("from", 0, 0, Long.MAX_VALUE);
        final long limit = args.longValue("limit", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        final CommandFormat format = CommandFormat.parse(args.string("format", "yaml"));
        final CommandEvent cmd = new CommandEvent();
        long printed = 0;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal, from))
        {
            while (printed < limit && source.next(cmd))
            {
                out.println(format.format(cmd));
                printed++;
            }
        }
        return 0;
    }
}
