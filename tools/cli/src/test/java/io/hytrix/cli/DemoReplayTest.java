package io.hytrix.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The spine end to end: demo journals through the live pipeline, replay reproduces its hash. */
class DemoReplayTest
{
    @TempDir
    Path dir;

    @Test
    void liveHashEqualsReplayHashWhateverThePathCacheSize()
    {
        final String journal = dir.resolve("journal").toString();
        final Cli demo = Cli.run("demo", "--seconds", "2", "--actors", "300", "--seed", "5", "--journal", journal);
        assertThat(demo.exit()).as(demo.err()).isZero();
        final String[] lines = demo.out().strip().split("\n");
        assertThat(lines[lines.length - 2]).isEqualTo("replay with: ./hytrix replay " + journal + " --verify");
        assertThat(demo.out()).contains("outputs in " + dir.resolve("journal.outputs") + " (checksum every 10 ticks)");
        assertThat(demo.lastLine()).matches("stateHash=[0-9a-f]{16} commands=\\d+ events=\\d+");
        assertThat(demo.out()).contains("latency    p50=", "path cache hits=");
        // The summary lines a script reads, in exactly this shape.
        assertThat(demo.out())
            .containsPattern("(?m)^hunts      completed=\\d+ \\(TREASURES=\\d+ TIME=\\d+ ABORTED=\\d+\\) treasures-found=\\d+/\\d+$")
            .containsPattern("(?m)^winners    best-score=\\d+ median-winning-score=\\d+$")
            .containsPattern("(?m)^rejected   \\d+ of \\d+ \\(\\d+\\.\\d%\\) (none|[A-Z_]+=\\d+( [A-Z_]+=\\d+)*)$")
            .containsPattern("(?m)^hunt-complete p50=\\S+ p99=\\S+ ");

        final Cli replay = Cli.run("replay", journal);
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.lastLine()).isEqualTo(demo.lastLine());

        final Cli again = Cli.run("replay", journal);
        assertThat(again.lastLine()).isEqualTo(demo.lastLine());

        final Cli tinyCache = Cli.run("replay", journal, "--path-cache-size", "1");
        assertThat(tinyCache.lastLine()).isEqualTo(demo.lastLine());

        final Cli verify = Cli.run("replay", journal, "--verify", "--path-cache-size", "1");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).containsPattern("verified \\d+ commands and 2 checksums against "
            + java.util.regex.Pattern.quote(dir.resolve("journal.outputs").toString()) + ": identical\n");
        assertThat(verify.lastLine()).isEqualTo(demo.lastLine());
    }

    @Test
    void withoutOutputsNothingIsRecordedBesideTheJournal()
    {
        final String journal = dir.resolve("quiet").toString();
        final Cli demo = Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", journal, "--no-outputs");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains(", outputs off");
        assertThat(demo.out()).contains("replay with: ./hytrix replay " + journal + "\n");
        assertThat(dir.resolve("quiet.outputs")).doesNotExist();

        final Cli elsewhere = Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", journal,
            "--outputs", dir.resolve("out").toString(), "--checksum-every-ticks", "3");
        assertThat(elsewhere.out()).contains("replay with: ./hytrix replay " + journal + " --verify --outputs " + dir.resolve("out"));
        final Cli verify = Cli.run("replay", journal, "--verify", "--outputs", dir.resolve("out").toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(" commands and 3 checksums against");
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndHashBothLayouts()
    {
        final Cli split = Cli.run("demo", "--seconds", "1", "--actors", "200", "--seed", "9",
            "--journal", dir.resolve("a").toString());
        final Cli composed = Cli.run("demo", "--seconds", "1", "--actors", "200", "--seed", "9",
            "--journal", dir.resolve("b").toString(), "--layout", "composed", "--wait-strategy", "blocking");
        assertThat(composed.lastLine()).isEqualTo(split.lastLine());
        final Cli dumpA = Cli.run("dump", dir.resolve("a").toString(), "--format", "json");
        final Cli dumpB = Cli.run("dump", dir.resolve("b").toString(), "--format", "json");
        assertThat(dumpA.out()).isEqualTo(dumpB.out());
        final Cli other = Cli.run("demo", "--seconds", "1", "--actors", "200", "--seed", "10",
            "--journal", dir.resolve("c").toString());
        assertThat(other.hash()).isNotEqualTo(split.hash());
    }

    @Test
    void appendKeepsEarlierEntriesAndAFreshRunDropsThem()
    {
        final String journal = dir.resolve("j").toString();
        final Cli first = Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", journal);
        final long firstCount = count(first);
        final Cli appended = Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", journal, "--append");
        final Cli replay = Cli.run("replay", journal);
        // The appended run recovers the first run's entries (its count includes them); its players meet
        // the first run's ids and react to those outcomes, so its own part is not a copy of the first.
        assertThat(count(replay)).isEqualTo(count(appended)).isGreaterThan(firstCount);
        Cli.run("demo", "--seconds", "1", "--actors", "100", "--journal", journal);
        assertThat(count(Cli.run("replay", journal))).isEqualTo(firstCount);
    }

    private static long count(final Cli cli)
    {
        return Long.parseLong(cli.lastLine().replaceAll(".*commands=(\\d+).*", "$1"));
    }
}
