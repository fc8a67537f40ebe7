package io.hytrix.replay.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.journal.ArbitraryCommands;
import io.hytrix.journal.Hostile;
import io.hytrix.journal.Hostile.Outcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Command JSON is what clients send the gateway: {@link CommandJsonReader} must take a body whole or
 * refuse it with a {@link CommandJsonException} that has a code and a message, never fail any other
 * way. A body it takes must mean exactly what it says: writing the parsed commands back with
 * {@link CommandJsonWriter} and reading that again gives the same commands.
 *
 * <p>The valid bodies are what {@link CommandJsonWriter} writes for random commands, alone or 1 to 5 in
 * an array (the reader's limit here is 4, so some arrays are one too many). 2,000 tries, each
 * microseconds; fixed seed, printed by jqwik on a failure.
 */
class CommandJsonPropertyTest
{
    private static final int MAX_COMMANDS = 4;

    /** JSON's structure and the numbers and escapes that sit on a parser's edges. */
    private static final List<byte[]> TOKENS = Hostile.tokens("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000",
        "\\ud800", "null", "true", "-", "0", "1e999", "-0", "99999999999999999999", "9223372036854775808", ".5", "\"type\"",
        "\"cmdId\"", "\"map\"", "\"tick\"", "\"dir\"", "\"N\"", " ", "\n", "/*", "\u00e9", "\ud83d\ude00", "[".repeat(80),
        "{\"a\":".repeat(70));

    @Property(tries = 2000, seed = "20260106")
    void everyBodyIsTakenWholeOrRefused(@ForAll("bodies") final byte[] body)
    {
        final Outcome outcome = Hostile.decodeOrRefuse(() ->
        {
            final CommandJsonReader reader = new CommandJsonReader(MAX_COMMANDS, true);
            final CommandJsonCodecTest.Batch first = new CommandJsonCodecTest.Batch();
            try
            {
                reader.read(new ByteArrayInputStream(body), first);
            }
            catch (final CommandJsonException ex)
            {
                assertThat(ex.code()).as("the refusal's code").isNotBlank();
                throw ex;
            }
            final String written = written(first);
            final CommandJsonCodecTest.Batch again = new CommandJsonCodecTest.Batch();
            reader.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.US_ASCII)), again);
            assertThat(written(again)).isEqualTo(written);
        }, CommandJsonException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 2);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 50);
        });
    }

    @Provide
    Arbitrary<byte[]> bodies()
    {
        // Valid bodies use the cmdIds clients may use (negative ones belong to ticks); mutations may break that.
        final Arbitrary<String> one = ArbitraryCommands.any().map(cmd -> {
            if (cmd.type != io.hytrix.engine.command.CommandType.TICK && cmd.cmdId < 0)
            {
                cmd.cmdId = ~cmd.cmdId;
            }
            return CommandJsonWriter.toJson(cmd);
        });
        final Arbitrary<String> array = one.list().ofMinSize(1).ofMaxSize(MAX_COMMANDS + 1)
            .map(list -> list.stream().collect(Collectors.joining(",", "[", "]")));
        return Hostile.bytes(net.jqwik.api.Arbitraries.oneOf(one, array).map(s -> s.getBytes(StandardCharsets.US_ASCII)),
            TOKENS, 300);
    }

    private static String written(final CommandJsonCodecTest.Batch batch)
    {
        return batch.commands.subList(0, batch.size()).stream().map(CommandJsonWriter::toJson)
            .collect(Collectors.joining(",", "[", "]"));
    }
}
