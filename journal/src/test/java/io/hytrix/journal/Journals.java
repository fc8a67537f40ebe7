package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Journals written and read back through the journal's own writer and reader, for the tests of
 * every module: one version of "write these commands" and "what is in there", so a test states
 * only the commands it cares about.
 */
public final class Journals
{
    private Journals()
    {
    }

    /** A fresh journal of exactly {@code commands} in {@code dir} (whatever was there is deleted). */
    public static Path write(final Path dir, final List<CommandEvent> commands)
    {
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withMode(JournalConfig.Mode.FRESH)))
        {
            commands.forEach(journal::append);
        }
        return dir;
    }

    /** Appends {@code commands} after whatever the journal in {@code dir} holds (creating it if need be). */
    public static Path append(final Path dir, final CommandEvent... commands)
    {
        try (ChronicleJournal journal = ChronicleJournal.open(dir))
        {
            Arrays.stream(commands).forEach(journal::append);
        }
        return dir;
    }

    /** Every entry of the journal, journal indexes stamped. */
    public static List<CommandEvent> read(final Path dir)
    {
        return read(dir, 0);
    }

    /** The entries from dense index {@code from} on, journal indexes stamped. */
    public static List<CommandEvent> read(final Path dir, final long from)
    {
        final List<CommandEvent> entries = new ArrayList<>();
        try (ChronicleCommandSource source = ChronicleCommandSource.open(dir, from))
        {
            CommandEvent into = new CommandEvent();
            while (source.next(into))
            {
                entries.add(into);
                into = new CommandEvent();
            }
        }
        return entries;
    }

    /**
     * A replayable journal's worth of commands: a hunt on the shipped map {@code plaza} (id 1) and
     * {@code entries - 1} actors joining it (actor ids 10, 11, ...), cmdIds 1, 2, ...
     */
    public static List<CommandEvent> plazaHunt(final int entries)
    {
        final List<CommandEvent> commands = new ArrayList<>();
        commands.add(new CommandEvent().createHunt(1, 1, "plaza", 7, 8, 1000, 50));
        for (int i = 1; i < entries; i++)
        {
            commands.add(new CommandEvent().joinHunt(1 + i, 1, 9 + i));
        }
        return commands;
    }
}
