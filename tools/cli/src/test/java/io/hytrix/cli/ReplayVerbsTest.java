package io.hytrix.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The developer and QA verbs, end to end on a journal the demo writes. */
class ReplayVerbsTest
{
    @TempDir
    static Path dir;
    static String journal;
    static String hashLine;

    @BeforeAll
    static void journal()
    {
        journal = dir.resolve("journal").toString();
        final Cli demo = Cli.run("demo", "--seconds", "2", "--actors", "200", "--seed", "3", "--journal", journal);
        assertThat(demo.exit()).as(demo.err()).isZero();
        hashLine = demo.lastLine();
    }

    @Test
    void replayFromASnapshotGivesTheSameHash()
    {
        final String snaps = dir.resolve("snaps").toString();
        final Cli snapshot = Cli.run("snapshot", journal, "--out", snaps);
        assertThat(snapshot.exit()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("bytes, captured in");
        assertThat(snapshot.lastLine()).isEqualTo(hashLine.replaceAll(" events=\\d+", ""));
        final Cli replay = Cli.run("replay", journal, "--snapshots", snaps);
        assertThat(replay.out()).contains("starting from ");
        assertThat(replay.lastLine()).isEqualTo(hashLine);
    }

    @Test
    void replayWritesEventsAndTracesAnActor() throws Exception
    {
        final Path events = dir.resolve("events.jsonl");
        final Cli cli = Cli.run("replay", journal, "--from", "500", "--to", "900", "--actor", "12", "--events-out",
            events.toString(), "--outcomes");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("traced ", " commands of actor 12", "wrote ");
        final String first = Files.readAllLines(events).get(0);
        assertThat(first).matches("\\{\"index\":5\\d\\d,\"cmdId\":\\d+,.*");
        assertThat(Files.readAllLines(events)).allMatch(l -> l.matches("\\{\"index\":[5-9]\\d\\d,.*"));
        assertThat(cli.lastLine()).matches("stateHash=[0-9a-f]{16} commands=901 events=\\d+");
    }

    @Test
    void diffOfAJournalWithItselfIsIdenticalAndWithAnotherShowsTheFirstDivergence()
    {
        final Cli same = Cli.run("diff", journal, journal);
        assertThat(same.exit()).isZero();
        assertThat(same.lastLine()).matches("identical commands=\\d+");
        final String other = dir.resolve("other").toString();
        Cli.run("demo", "--seconds", "1", "--actors", "200", "--seed", "4", "--journal", other);
        final Cli different = Cli.run("diff", journal, other);
        assertThat(different.exit()).isEqualTo(1);
        // Index 0 is the first tick, the same in every run; the seed shows from the first createHunt on.
        assertThat(different.out()).startsWith("first divergent journal index: 1\n").contains(" ≠ ");
    }

    @Test
    void theDemosRecordedOutputsVerifyAndDiffIdentical()
    {
        final Cli verify = Cli.run("replay", journal, "--verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("checksums against " + dir.resolve("journal.outputs") + ": identical");
        assertThat(verify.lastLine()).isEqualTo(hashLine);
        final Cli diff = Cli.run("diff", journal, "--recorded");
        assertThat(diff.exit()).isZero();
        assertThat(diff.lastLine()).isEqualTo("identical " + hashLine.replaceAll("stateHash=\\S+ (commands=\\d+).*", "$1"));
    }

    @Test
    void verifyCanStartFromASnapshotAsAPrunedJournalNeeds()
    {
        final String snaps = dir.resolve("mid-snaps").toString();
        assertThat(Cli.run("snapshot", journal, "--to", "1000", "--out", snaps).exit()).isZero();
        final Cli verify = Cli.run("replay", journal, "--verify", "--snapshots", snaps);
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("(journal index 1000)").contains(": identical");
        final long total = Long.parseLong(hashLine.replaceAll(".* commands=(\\d+).*", "$1"));
        assertThat(verify.out()).contains("verified " + (total - 1001) + " commands");
        assertThat(verify.lastLine()).isEqualTo(hashLine);
    }

    @Test
    void anotherRunsOutputsDifferFromTheFirstCommand()
    {
        final String other = dir.resolve("other-run").toString();
        assertThat(Cli.run("demo", "--seconds", "1", "--actors", "200", "--seed", "4", "--journal", other).exit()).isZero();
        final String outputs = dir.resolve("other-run.outputs").toString();
        final Cli verify = Cli.run("replay", journal, "--verify", "--outputs", outputs);
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).containsPattern(": DIFFERENT\nfirst output difference: journal index \\d+ \\(tick \\d+\\): \\w+\\{")
            .containsPattern("first checksum difference: tick 10 \\(journal index \\d+\\): actors-and-tiles, ");
        final Cli diff = Cli.run("diff", journal, "--recorded", outputs);
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(diff.out()).containsPattern("^first divergent journal index: \\d+ \\(tick \\d+\\)\ncommand: \\w+\\{")
            .contains("recorded (live)", " ≠ ");
    }

    @Test
    void repairCutsTheRecordedOutputsAtTheSameIndex() throws Exception
    {
        final String copy = dir.resolve("repaired").toString();
        assertThat(Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", copy).exit()).isZero();
        final Cli repair = Cli.run("journal", "repair", copy, "--truncate-at", "200");
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("kept the records of entries 0..199 in " + dir.resolve("repaired.outputs")
            + "; the original is in " + dir.resolve("repaired.outputs.before-repair"));
        final Cli verify = Cli.run("replay", copy, "--verify");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("verified 200 commands and ");
        final Cli old = Cli.run("replay", dir.resolve("repaired.before-repair").toString(), "--verify", "--outputs",
            dir.resolve("repaired.outputs.before-repair").toString());
        assertThat(old.exit()).as("the originals are kept whole: " + old.out()).isZero();
    }

    @Test
    void anExtractedWindowIsAPassingCase() throws Exception
    {
        final Path file = dir.resolve("incident.yaml");
        final Cli extract = Cli.run("extract", journal, "--from", "400", "--to", "450", "--hunt", "1", "--out", file.toString());
        assertThat(extract.exit()).as(extract.err()).isZero();
        final Cli ruleCase = Cli.run("case", file.toString());
        assertThat(ruleCase.exit()).as(ruleCase.out()).isZero();
        assertThat(ruleCase.out()).startsWith("PASS " + file);
        Files.writeString(file, Files.readString(file).replaceFirst("outcome: (NO_TREASURE|ACCEPTED|EMPTY_SLOT)", "outcome: HUNT_FULL"));
        final Cli broken = Cli.run("case", file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("FAIL " + file, "  - expected: ", "outcome: HUNT_FULL}", "  + actual:   ");
    }

    @Test
    void journalVerifyAndRepairAndWhy()
    {
        assertThat(Cli.run("journal", "verify", journal).lastLine()).matches("entries=\\d+ corrupt=none");
        final Cli why = Cli.run("why", journal, "12");
        assertThat(why.exit()).isZero();
        assertThat(why.out()).startsWith("actor 12: {hunt: ");
        final Cli bad = Cli.run("journal", "repair", journal);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("repair needs --truncate-at INDEX");
        assertThat(Cli.run("journal", "mend", journal).err()).contains("unknown journal action 'mend'");
    }
}
