package io.hytrix.cli;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.CommandFilter;
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
            "usage: ./hytrix dump JOURNAL [--from I] [--to J] [--limit N] [--type T,..] [--actor ID] [--hunt ID]",
            "                             [--format yaml|json]",
            "",
            "Prints the journal's commands in order with their journal index (0 = first entry).",
            "  --from I      start at journal index I (default 0)",
            "  --to J        stop after journal index J (default: the end)",
            "  --limit N     print at most N entries (default: all)",
            "  --type T,..   only these command types (e.g. travel,dig)",
            "  --actor ID    only commands of this actor",
            "  --hunt ID     only commands naming this hunt, of actors who joined it, and ticks",
            "  --format F    yaml (default) or json (one object per line)");
    }

    @Override
    public int run(final String[] argv, final PrintStream out)
    {
        final Args args = Args.parse(argv, 1, Set.of("from", "to", "limit", "format", "type", "actor", "hunt"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final Path journal = Args.readable(args.positionals("JOURNAL").get(0), true);
        final long from = args.longValue("from", 0, 0, Long.MAX_VALUE);
        final long to = args.longValue("to", Long.MAX_VALUE, from, Long.MAX_VALUE);
        final long limit = args.longValue("limit", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        final CommandFormat format = CommandFormat.parse(args.string("format", "yaml"));
        final Long hunt = args.flag("hunt") ? args.longValue("hunt", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        final CommandFilter filter = new CommandFilter(from, to, CommandFilter.types(args.string("type", null)),
            args.flag("actor") ? args.longValue("actor", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null, hunt);
        final CommandEvent cmd = new CommandEvent();
        long printed = 0;
        // The hunt filter learns who joined which hunt, so it must see the journal from its start.
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal, hunt == null ? from : 0))
        {
            while (printed < limit && source.next(cmd) && !filter.pastEnd(cmd.journalIndex))
            {
                if (filter.accept(cmd))
                {
                    out.println(format.format(cmd));
                    printed++;
                }
            }
        }
        return 0;
    }
}
