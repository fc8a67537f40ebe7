package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's main rules, as scenario files a person can read (test resources under cases/). */
class CaseFilesTest
{
    private static final Path CASES = TestResources.path("cases");

    @TempDir
    Path dir;

    static Stream<Path> scenarios() throws IOException
    {
        return Files.list(CASES).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theRuleScenariosPass(final Path file)
    {
        final RuleCase scenario = CaseFile.read(file);
        assertThat(scenario.expect()).isNotEmpty();
        assertThat(CaseRunner.check(scenario, new ShippedMaps())).isNull();
    }

    @Test
    void aMismatchIsReportedWithContext() throws IOException
    {
        final String text = Files.readString(CASES.resolve("compass-reveals.yaml"))
            .replace("treasureRevealed, huntId: 1, actorId: 7, x: 4, y: 18", "treasureRevealed, huntId: 1, actorId: 7, x: 5, y: 18");
        final Path file = Files.writeString(dir.resolve("changed.yaml"), text);
        final String report = CaseRunner.check(CaseFile.read(file), new ShippedMaps());
        assertThat(report).contains("output 2 differs (expected 5 outputs, got 5)",
            "  - expected: {index: 29, event: treasureRevealed, huntId: 1, actorId: 7, x: 5, y: 18}",
            "  + actual:   {index: 29, event: treasureRevealed, huntId: 1, actorId: 7, x: 4, y: 18}",
            "    {index: 28, outcome: ACCEPTED}");
    }

    @Test
    void aWrongHashIsReported() throws IOException
    {
        final String text = Files.readString(CASES.resolve("compass-reveals.yaml"))
            .replaceAll("stateHash: \"[0-9a-f]+\"", "stateHash: \"0000000000000000\"");
        final Path file = Files.writeString(dir.resolve("hash.yaml"), text);
        assertThat(CaseRunner.check(CaseFile.read(file), new ShippedMaps()))
            .contains("outputs match but stateHash is", "expected 0000000000000000");
    }

    @Test
    void badFilesGetSpecificErrors() throws IOException
    {
        assertError("given: [{type: fly, cmdId: 1}]", "given[0]: unknown command type 'fly'");
        assertError("given: [{type: dig, cmdId: 1}]", "given[0]: missing field 'actorId'");
        assertError("given: [{type: dig, cmdId: 1, actorId: 2, x: 3}]", "given[0]: dig has no field 'x'");
        assertError("given: [{type: move, cmdId: 1, actorId: 2, dir: UP}]", "given[0]: dir must be one of N NE E SE S SW W NW");
        assertError("given: [{type: useItem, cmdId: 1, actorId: 2, slot: 300}]", "'slot' must be between 0 and 255, got 300");
        assertError("given: [{type: dig, cmdId: one, actorId: 2}]", "'cmdId' must be a whole number, got 'one'");
        assertError("gven: []", "unknown key 'gven'");
        assertError("given: [1, 2", "not valid YAML");
        // SafeConstructor: a file can never make the loader build an arbitrary class.
        assertError("given: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
            "not valid YAML");
    }

    private void assertError(final String yaml, final String expected) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        assertThatThrownBy(() -> CaseFile.read(file)).isInstanceOf(CaseFormatException.class)
            .hasMessageContaining(expected).hasMessageStartingWith(file.toString());
    }

    @Test
    void aWrittenCommandReadsBackAsTheSameCommand()
    {
        final CommandEvent hunt = new CommandEvent().createHunt(1, 2, "yes", 3, 4, 5, 6);
        final String line = CaseWriter.command(hunt, 17L);
        assertThat(line).isEqualTo("{type: createHunt, cmdId: 1, huntId: 2, map: \"yes\", seed: 3, treasures: 4, "
            + "durationTicks: 5, maxActors: 6, journalIndex: 17}");
        // "yes" unquoted would read back as a boolean: the map name is always quoted.
        final Object map = new Yaml(new SafeConstructor(new LoaderOptions())).load(line);
        assertThat(CaseFile.command("t", map).toString()).isEqualTo(hunt.toString());
    }
    /** Regressions found by {@link CaseFilePropertyTest}: each of these escaped read as something other than a refusal. */
    @Test
    void hostileYamlIsRefusedWithAMessage() throws IOException
    {
        // SnakeYAML's safe constructor threw ClassCastException for a map tag on a scalar.
        assertThatThrownBy(() -> CaseFile.read(Files.writeString(dir.resolve("tag.yaml"), "given: [{type: tick, cmdId: !!map 3}]\n")))
            .isInstanceOf(CaseFormatException.class).hasMessageContaining("not valid YAML: ClassCastException");
        // A list that holds itself through a map: printing it in the message was a StackOverflowError.
        assertThatThrownBy(() -> CaseFile.read(Files.writeString(dir.resolve("loop.yaml"),
            "given: [{type: tick, cmdId: &a [{k: *a}]}]\n")))
            .isInstanceOf(CaseFormatException.class).hasMessageEndingWith("given[0]: 'cmdId' must be a whole number, got 'a list'");
        assertThatThrownBy(() -> CaseFile.read(Files.writeString(dir.resolve("type.yaml"), "given: [{type: &t {k: [*t]}, cmdId: 1}]\n")))
            .isInstanceOf(CaseFormatException.class).hasMessageEndingWith("given[0]: unknown command type 'a map'");
        // 2^24 elements from 49 aliases: printing them was hundreds of megabytes of text.
        final StringBuilder laughs = new StringBuilder("[&l0 [x, x]");
        for (int i = 1; i < 24; i++)
        {
            laughs.append(", &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append(']');
        }
        final Path file = Files.writeString(dir.resolve("laughs.yaml"), "given: [{type: tick, cmdId: " + laughs + "]}]\n");
        assertThatThrownBy(() -> CaseFile.read(file))
            .isInstanceOf(CaseFormatException.class).hasMessageEndingWith("must be a whole number, got 'a list'");
    }
}
