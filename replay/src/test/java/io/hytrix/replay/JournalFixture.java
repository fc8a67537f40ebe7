package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.replay.cases.CaseFile;

import java.util.List;

/** Command lists for replay-tool tests, taken from the rule cases (write them with {@code Journals.write}). */
final class JournalFixture
{
    private JournalFixture()
    {
    }

    /** The commands the rule case {@code name} is given. */
    static List<CommandEvent> scenario(final String name)
    {
        return CaseFile.read(TestResources.path("cases/" + name + ".yaml")).given();
    }
}
