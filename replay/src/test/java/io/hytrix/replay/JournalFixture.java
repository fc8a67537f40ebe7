package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import io.hytrix.replay.cases.CaseFile;

import java.nio.file.Path;
import java.util.List;

/** Writes journals from scenario-style command lists, for replay-tool tests. */
final class JournalFixture
{
    private JournalFixture()
    {
    }

    static Path write(final Path dir, final List<CommandEvent> commands)
    {
        try (ChronicleJournal journal = ChronicleJournal.open(JournalConfig.in(dir).withMode(JournalConfig.Mode.FRESH)))
        {
            for (final CommandEvent cmd : commands)
            {
                journal.append(cmd);
            }
        }
        return dir;
    }

    static List<CommandEvent> scenario(final String name)
    {
        return CaseFile.read(Path.of("src", "test", "resources", "cases", name + ".yaml")).given();
    }
}
