package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalDiffTest
{
    @TempDir
    Path dir;

    @Test
    void identicalJournalsSayHowManyCommandsMatched()
    {
        final List<CommandEvent> commands = JournalFixture.scenario("boots-give-speed");
        final Path a = Journals.write(dir.resolve("a"), commands);
        final Path b = Journals.write(dir.resolve("b"), commands);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(JournalDiff.diff(a, b, new ShippedMaps(), new ShippedMaps(), new PrintStream(out, true, StandardCharsets.UTF_8)))
            .isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("identical commands=52\n");
    }

    @Test
    void theFirstDivergentCommandIsShownSideBySideWithTheActorsState()
    {
        final List<CommandEvent> commands = JournalFixture.scenario("boots-give-speed");
        final List<CommandEvent> changed = new ArrayList<>(commands);
        changed.set(2, new CommandEvent().travel(3, 7, 30, 14)); // a different destination at index 2
        final Path a = Journals.write(dir.resolve("a"), commands);
        final Path b = Journals.write(dir.resolve("b"), changed);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(JournalDiff.diff(a, b, new ShippedMaps(), new ShippedMaps(), new PrintStream(bytes, true, StandardCharsets.UTF_8)))
            .isFalse();
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("first divergent journal index: 2\n");
        assertThat(out).containsPattern("command: travel\\{cmdId=3, actorId=7, x=4, y=18} +≠ command: travel\\{cmdId=3, actorId=7, x=30, y=14}");
        assertThat(out).containsPattern("outcome: ACCEPTED +\\| outcome: ACCEPTED");
        assertThat(out).contains("actors involved, after this command:", "  actor 7:", "    hunt: A 1 | B 1",
            "    travellingTo: A [4, 18] ≠ B [30, 14]");
    }

    @Test
    void aJournalThatEndsEarlyDiverges()
    {
        final List<CommandEvent> commands = JournalFixture.scenario("boots-give-speed");
        final Path a = Journals.write(dir.resolve("a"), commands);
        final Path b = Journals.write(dir.resolve("b"), commands.subList(0, 10));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(JournalDiff.diff(a, b, new ShippedMaps(), new ShippedMaps(), new PrintStream(bytes, true, StandardCharsets.UTF_8)))
            .isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("first divergent journal index: 10\nB ends here");
    }
}
