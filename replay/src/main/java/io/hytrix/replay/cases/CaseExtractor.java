package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.CommandFilter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a window of a journal into a rule case file. The window [from, to] needs the state before it,
 * so every earlier command goes into {@code given} too (only the hunt's, with {@code --hunt}); the
 * expectations are what this build produces for the window's commands, so the file pins today's
 * behaviour and fails, readably, when a change alters it.
 */
public final class CaseExtractor
{
    private CaseExtractor()
    {
    }

    public static String extract(final Path journal, final long from, final long to, final Long huntId, final MapCatalog maps)
    {
        final CommandFilter filter = new CommandFilter(0, to, Set.of(), null, huntId);
        final List<CommandEvent> given = new ArrayList<>();
        final List<Long> origins = new ArrayList<>();
        int windowStart = -1;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal))
        {
            final CommandEvent cmd = new CommandEvent();
            while (source.next(cmd) && !filter.pastEnd(cmd.journalIndex))
            {
                if (filter.accept(cmd))
                {
                    if (windowStart < 0 && cmd.journalIndex >= from)
                    {
                        windowStart = given.size();
                    }
                    final CommandEvent copy = new CommandEvent();
                    copy.copyCommandFrom(cmd);
                    given.add(copy);
                    origins.add(cmd.journalIndex);
                }
            }
        }
        if (windowStart < 0)
        {
            throw new IllegalArgumentException("no command in " + journal + " between " + from + " and " + to
                + (huntId == null ? "" : " for hunt " + huntId));
        }
        final CaseRunner.Outcome outcome = CaseRunner.run(given, windowStart, maps);
        final String name = "extracted from " + journal.getFileName() + " [" + from + ", " + to + "]"
            + (huntId == null ? "" : " hunt " + huntId);
        return CaseWriter.write(name, given, origins, windowStart, outcome.actual(), outcome.stateHash());
    }
}
