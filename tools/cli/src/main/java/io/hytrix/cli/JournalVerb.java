package io.hytrix.cli;

import io.hytrix.journal.JournalException;
import io.hytrix.journal.JournalMaintenance;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code ./hytrix journal verify|repair|prune}: offline care of a journal no process is writing. */
final class JournalVerb implements Verb
{
    @Override
    public String name()
    {
        return "journal";
    }

    @Override
    public String summary()
    {
        return "verify a journal, truncate it at a corrupt entry, or prune cycles a snapshot covers";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix journal verify JOURNAL",
            "       ./hytrix journal repair JOURNAL --truncate-at INDEX",
            "       ./hytrix journal prune JOURNAL --snapshots DIR",
            "",
            "verify   decodes every entry; prints `entries=<n> corrupt=none`, or one line naming the first entry",
            "         that is corrupt or cannot be read (a damaged cycle file) and the repair command (exit 2)",
            "repair   keeps entries before INDEX, drops the rest; the original directory is kept beside it as",
            "         JOURNAL.before-repair (nothing is deleted). The recorded outputs beside it (JOURNAL.outputs)",
            "         are cut at the same index, their original kept as JOURNAL.outputs.before-repair.",
            "         Use the index `verify` or `serve` reported",
            "prune    deletes roll-cycle files whose every entry the newest valid snapshot in DIR covers (never",
            "         the newest cycle); journal indexes stay the same. Stop the service first.");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws IOException
    {
        final Args args = Args.parse(argv, 1, Set.of("truncate-at", "snapshots"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        final List<String> positionals = args.positionals("verify|repair|prune", "JOURNAL");
        final Path journal = Args.readable(positionals.get(1), true);
        switch (positionals.get(0))
        {
            case "verify":
                final JournalMaintenance.Verification v = JournalMaintenance.verify(journal);
                if (!v.clean())
                {
                    // One line on stderr like every other reader of a damaged journal: the index and the repair.
                    throw new JournalException(v.problem());
                }
                out.println("entries=" + v.entries() + " corrupt=none");
                return 0;
            case "repair":
                if (!args.flag("truncate-at"))
                {
                    throw new UsageException("repair needs --truncate-at INDEX (the first entry to drop)");
                }
                final long at = args.longValue("truncate-at", 0, 0, Long.MAX_VALUE);
                final Path backup = JournalMaintenance.truncate(journal, at);
                out.println("kept entries 0.." + (at - 1) + " in " + journal + "; the original is in " + backup);
                final Path outputs = OutputQueue.besideJournal(journal);
                if (Files.isDirectory(outputs))
                {
                    final Path old = OutputQueue.truncate(outputs, at);
                    out.println("kept the records of entries 0.." + (at - 1) + " in " + outputs + "; the original is in " + old);
                }
                return 0;
            case "prune":
                if (!args.flag("snapshots"))
                {
                    throw new UsageException("prune needs --snapshots DIR: only what a valid snapshot covers is deleted");
                }
                final List<JournalMaintenance.Cycle> cycles = JournalMaintenance.cycles(journal);
                final long end = cycles.isEmpty() ? -1 : cycles.get(cycles.size() - 1).lastIndex();
                final Optional<SnapshotStore.Snapshot> snapshot = new SnapshotStore(Args.readable(
                    args.string("snapshots", null), true)).newestValid(end, line -> out.println(line));
                if (snapshot.isEmpty())
                {
                    out.println("no valid snapshot: nothing pruned");
                    return 0;
                }
                final List<Path> deleted = JournalMaintenance.prune(journal, snapshot.get().journalIndex());
                out.println("snapshot at journal index " + snapshot.get().journalIndex() + " covers " + deleted.size()
                    + " cycle file(s); deleted: " + (deleted.isEmpty() ? "none" : deleted));
                return 0;
            default:
                throw new UsageException("unknown journal action '" + positionals.get(0) + "' (verify, repair, prune)");
        }
    }
}
