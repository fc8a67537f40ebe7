package io.hytrix.cli;

import io.hytrix.service.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every verb: --help works, bad arguments and unreadable files give one line on stderr and exit 2. */
class CommandLineTest
{
    @TempDir
    Path dir;

    @Test
    void everyVerbHasHelp()
    {
        for (final String verb : new String[] { "demo", "replay", "dump", "diff", "case", "extract", "why", "snapshot",
            "journal", "paths" })
        {
            final Cli cli = Cli.run(verb, "--help");
            assertThat(cli.exit()).isZero();
            assertThat(cli.out()).startsWith("usage: ./hytrix " + verb);
        }
        assertThat(Cli.run("--help").out()).contains("demo", "replay", "dump", "paths");
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo()
    {
        assertOneLineError(Cli.run("conjure"), "unknown verb 'conjure'");
        assertOneLineError(Cli.run("demo", "--seconds", "soon"), "--seconds must be a whole number, got 'soon'");
        assertOneLineError(Cli.run("demo", "--actors", "0"), "--actors must be between 1 and 60000, got 0");
        assertOneLineError(Cli.run("demo", "--warp"), "unknown option --warp");
        assertOneLineError(Cli.run("demo", "--wait-strategy", "nap"), "unknown wait strategy 'nap'");
        assertOneLineError(Cli.run("demo", "--ring-size", "1000"), "--ring-size must be a power of two, got 1000");
        assertOneLineError(Cli.run("replay"), "expected JOURNAL but got nothing");
        assertOneLineError(Cli.run("replay", "a", "b"), "expected JOURNAL but got a b");
        assertOneLineError(Cli.run("replay", dir.resolve("x").toString(), "--path-cache-size", "0"),
            "--path-cache-size must be between 1");
        assertOneLineError(Cli.run("dump", dir.toString(), "--format", "xml"), "unknown format 'xml'");
        assertOneLineError(Cli.run("paths", "only-one"), "expected MAP SCEN but got only-one");
        assertOneLineError(Cli.run("demo", "--checksum-every-ticks", "-1"), "--checksum-every-ticks must be between 0");
        assertOneLineError(Cli.run("replay", dir.toString(), "--outputs", dir.toString()), "--outputs goes with --verify");
        assertOneLineError(Cli.run("replay", dir.toString(), "--verify", "--from", "3"),
            "--verify replays the whole journal (or from --snapshots); it does not take --from");
        assertOneLineError(Cli.run("diff", dir.toString(), "--recorded", "--other-jar", "x.jar"), "pick one");
        assertOneLineError(Cli.run("diff", dir.toString(), "a", "b", "--recorded"), "at most one outputs directory");
    }

    @Test
    void verifyingWithoutRecordedOutputsSaysWhereItLooked() throws Exception
    {
        final Path journal = Files.createDirectory(dir.resolve("j"));
        assertOneLineError(Cli.run("replay", journal.toString(), "--verify"), "directory not found: " + dir.resolve("j.outputs"));
        assertOneLineError(Cli.run("diff", journal.toString(), "--recorded"), "directory not found: " + dir.resolve("j.outputs"));
    }

    @Test
    void unreadableJournalsAreClearErrors() throws Exception
    {
        final Path missing = dir.resolve("nowhere");
        assertOneLineError(Cli.run("replay", missing.toString()), "directory not found: " + missing);
        assertOneLineError(Cli.run("dump", missing.toString()), "directory not found: " + missing);
        final Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneLineError(Cli.run("replay", file.toString()), file + " is not a directory");
        final Path empty = Files.createDirectory(dir.resolve("empty"));
        assertOneLineError(Cli.run("replay", empty.toString()), "no journal in " + empty);
        assertThat(Files.list(empty)).as("replay must not create files in " + empty).isEmpty();
    }

    @Test
    void malformedMapsAndMissingFilesAreClearErrors() throws Exception
    {
        final Path map = Files.writeString(dir.resolve("bad.map"), "type octile\nheight 2\nwidth 3\nmap\n...\n..\n");
        final Path scen = Files.writeString(dir.resolve("bad.map.scen"), "version 1\n");
        final Cli cli = Cli.run("paths", map.toString(), scen.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().strip()).startsWith("hytrix paths: " + map + ":6:").doesNotContain("\n");
        assertOneLineError(Cli.run("paths", dir.resolve("none.map").toString(), scen.toString()),
            "file not found: " + dir.resolve("none.map"));
    }

    @Test
    void aServeThatCannotRecoverIsOneLineSayingWhatToDo()
    {
        final Path journal = dir.resolve("journal");
        try (io.hytrix.journal.ChronicleJournal writer = io.hytrix.journal.ChronicleJournal.open(journal))
        {
            writer.append(new io.hytrix.engine.command.CommandEvent().createHunt(1, 1, "plaza", 7, 8, 1000, 50));
        }
        final Path outputs = dir.resolve("journal.outputs");
        try (io.hytrix.journal.output.OutputQueue queue = io.hytrix.journal.output.OutputQueue.open(outputs, false, 10, 100))
        {
            final io.hytrix.engine.command.CommandEvent tick = new io.hytrix.engine.command.CommandEvent();
            for (int i = 0; i < 3; i++)
            {
                tick.tick(100 + i).journalIndex = i;
                new io.hytrix.journal.output.OutputRecorder(queue).onOutcome(tick);
            }
        }
        final Cli cli = Cli.run("serve", "--journal", journal.toString(), "--port", "0", "--tick-hz", "0");
        assertOneLineError(cli, "hytrix serve: ");
        assertThat(cli.err()).contains("move " + outputs + " aside");
    }

    @Test
    void serveAccessOptionsThatCannotWorkAreOneLine() throws Exception
    {
        final String journal = dir.resolve("journal").toString();
        final Path token = Files.writeString(dir.resolve("token"), "client-s3cret\n");
        final Path same = Files.writeString(dir.resolve("same"), "client-s3cret");
        final Path spaced = Files.writeString(dir.resolve("spaced"), "two words");
        final Path missing = dir.resolve("missing");
        assertOneLineError(Cli.run("serve", "--journal", journal, "--admin-token-file", missing.toString()),
            "hytrix serve: file not found: " + missing);
        assertOneLineError(Cli.run("serve", "--journal", journal, "--admin-token-file", spaced.toString()),
            "admin token file " + spaced + " must hold one token of printable ASCII without spaces");
        final Cli sameTokens = Cli.run("serve", "--journal", journal, "--token-file", token.toString(),
            "--admin-token-file", same.toString());
        assertOneLineError(sameTokens, "--admin-token-file holds the same token as --token-file");
        assertThat(sameTokens.err()).doesNotContain("client-s3cret");

        final Path cert = dir.resolve("cert.pem");
        assertOneLineError(Cli.run("serve", "--journal", journal, "--tls-cert", cert.toString()),
            "--tls-cert and --tls-key go together");
        assertOneLineError(Cli.run("serve", "--journal", journal, "--tls-key", cert.toString()),
            "--tls-cert and --tls-key go together");
        assertOneLineError(Cli.run("serve", "--journal", journal, "--port", "0", "--tls-cert", cert.toString(),
            "--tls-key", dir.resolve("key.pem").toString()), "hytrix serve: TLS certificate file not found: " + cert);
        assertThat(dir.resolve("journal")).as("refused before the journal is opened").doesNotExist();
    }

    @Test
    void serveWithAKeyOfAnotherCertificateIsOneLine()
    {
        final TestCertificates.Pair one = TestCertificates.generate(dir, "one");
        final TestCertificates.Pair two = TestCertificates.generate(dir, "two");
        final Cli cli = Cli.run("serve", "--journal", dir.resolve("journal").toString(), "--port", "0", "--tick-hz", "0",
            "--tls-cert", one.certificate().toString(), "--tls-key", two.key().toString());
        assertOneLineError(cli, "hytrix serve: TLS key " + two.key() + " does not belong to the first certificate in "
            + one.certificate());
        assertOneLineError(Cli.run("serve", "--journal", dir.resolve("journal").toString(), "--port", "0",
            "--tls-cert", one.key().toString(), "--tls-key", one.certificate().toString()),
            "TLS certificate " + one.key() + " holds no PEM certificate");
    }

    private static void assertOneLineError(final Cli cli, final String expected)
    {
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(2);
        assertThat(cli.err().strip()).contains(expected).doesNotContain("\n");
    }
}
