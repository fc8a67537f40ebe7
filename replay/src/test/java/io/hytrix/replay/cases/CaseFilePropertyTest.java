package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ArbitraryCommands;
import io.hytrix.journal.Hostile;
import io.hytrix.journal.Hostile.Outcome;
import io.hytrix.replay.TestResources;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule case files are YAML written by people, and `./hytrix case` reads whatever file it is given:
 * {@link CaseFile#read} must return a case or refuse the file with a {@link CaseFormatException} and a
 * message, never fail any other way, however the YAML is broken or built (anchors that refer to
 * themselves, aliases that multiply, tags, values of the wrong kind).
 *
 * <p>The valid inputs are the shipped rule cases and cases written by {@link CaseWriter} from random
 * commands; some have one field's value replaced by a hostile YAML value, then bytes are mutated on top.
 * 1,000 tries (SnakeYAML parses each from a file in well under a millisecond); fixed seed, printed by
 * jqwik on a failure.
 */
class CaseFilePropertyTest
{
    /** A flow-map entry of a written case: {@code key: value} up to the next comma or brace. */
    private static final Pattern ENTRY = Pattern.compile("(\\w+): ([^,}\\n]+)");

    /**
     * Values a field may be given instead of the number or name it wants: collections, a collection
     * that contains itself through a map, 2^24 elements made of 49 aliases, numbers past 64 bits,
     * tagged scalars, an undefined alias, a long string.
     */
    private static final List<String> HOSTILE_VALUES = List.of(
        "&a [{k: *a}]", "&m {k: [*m]}", "[1, 2]", "{a: 1}", "99999999999999999999", "-9223372036854775809", "1.5",
        ".nan", "!!binary AAAA", "!!binary !!!", "!!float x", "!!int x", "!!timestamp x", "2001-12-14", "!!set {a, b}",
        "null", "~", "''", "\"\\u0000\"", "*undefined", "\"" + "x".repeat(200) + "\"", "true", "0x7fffffff", "0o17",
        "!!python/object:os.system x", "!foo bar", laughs(24));

    private static final List<byte[]> TOKENS = Hostile.tokens("&a ", "*a", "[", "]", "{", "}", ": ", ", ", "- ", "\n",
        "\n  - ", "? ", "'", "\"", "#", "~", "<<: *a", "\t", "\u0000", "\uFEFF", "%YAML 1.1\n---\n", "\n...\n", "---\n",
        "|", ">", "!!map ", "!!seq ", "\\", "\u00e9", "\ud83d\ude00");

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException
    {
        dir = Files.createTempDirectory("hostile-cases");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 1000, seed = "20260105")
    void everyCaseFileIsReadOrRefused(@ForAll("caseFiles") final byte[] bytes) throws IOException
    {
        final Path file = Files.write(dir.resolve("case.yaml"), bytes);
        final Outcome outcome = Hostile.decodeOrRefuse(() -> CaseFile.read(file), CaseFormatException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 5);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 30);
        });
    }

    @Provide
    Arbitrary<byte[]> caseFiles()
    {
        final Arbitrary<String> valid = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(shippedCases())),
            Tuple.of(3, written()));
        final Arbitrary<String> hostileValue = Combinators.combine(valid, Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.of(HOSTILE_VALUES)).as(CaseFilePropertyTest::replaceOneValue);
        final Arbitrary<String> texts = Arbitraries.frequencyOf(Tuple.of(1, valid), Tuple.of(1, hostileValue));
        return Hostile.bytes(texts.map(t -> t.getBytes(StandardCharsets.UTF_8)), TOKENS, 300);
    }

    /** A case as {@link CaseWriter} writes it: given commands, one expected outcome, maybe a hash. */
    private static Arbitrary<String> written()
    {
        return Combinators.combine(ArbitraryCommands.any().list().ofMaxSize(5), Arbitraries.integers().between(0, 5),
            Arbitraries.of("0123456789abcdef", null)).as((given, from, hash) ->
            {
                final List<CommandEvent> commands = new ArrayList<>(given);
                return CaseWriter.write("generated", commands, null, from, List.of(Map.of("index", 0, "outcome", "ACCEPTED")),
                    hash);
            });
    }

    /** {@code text} with the value of its {@code at}-th {@code key: value} entry replaced by {@code value}. */
    private static String replaceOneValue(final String text, final int at, final String value)
    {
        final Matcher m = ENTRY.matcher(text);
        final List<int[]> entries = new ArrayList<>();
        while (m.find())
        {
            entries.add(new int[] {m.start(2), m.end(2)});
        }
        if (entries.isEmpty())
        {
            return text;
        }
        final int[] entry = entries.get(at % entries.size());
        return text.substring(0, entry[0]) + value + text.substring(entry[1]);
    }

    /**
     * A list of 2^depth scalars built from {@code 2 * depth + 1} anchors and aliases: small as text,
     * within SnakeYAML's alias limit, and enormous when anything turns it into a String.
     */
    private static String laughs(final int depth)
    {
        final StringBuilder sb = new StringBuilder("[&l0 [x, x]");
        for (int i = 1; i < depth; i++)
        {
            sb.append(", &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append(']');
        }
        return sb.append(']').toString();
    }

    private static List<String> shippedCases()
    {
        try (Stream<Path> files = Files.list(TestResources.path("cases")))
        {
            final List<String> texts = new ArrayList<>();
            for (final Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList())
            {
                texts.add(Files.readString(p));
            }
            return texts;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
