package io.hytrix.replay.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson factory every command and event codec reads and writes with, and a way to get a
 * small JSON value as a String. Output is pure ASCII (anything else is escaped), so a byte count is
 * a character count and the text is the same whichever stream carries it. No separator is written
 * between root values, so one generator can write value after value into a buffer that others also
 * write to (a gateway's commas and SSE framing).
 */
public final class JsonText
{
    /** Echoes at most this much of a client's text in an error, so a hostile body cannot inflate the answer. */
    public static final int CLIP = 64;

    public static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .rootValueSeparator((String)null)
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
        // The body limit bounds everything anyway; these keep a hostile body from costing more than its size.
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build())
        .build();

    /** Writes one value with the generator it is given. */
    @FunctionalInterface
    public interface Body
    {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText()
    {
    }

    /** {@code body}'s JSON as a String (a fresh generator: for printers and tools, not for a hot path). */
    public static String write(final Body body)
    {
        final ByteArrayBuilder bytes = new ByteArrayBuilder(128);
        try (JsonGenerator g = FACTORY.createGenerator(bytes))
        {
            body.write(g);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("writing JSON to memory", ex);
        }
        return new String(bytes.toByteArray(), StandardCharsets.US_ASCII);
    }

    /** {@code text}, or its first {@link #CLIP} - 3 characters and "..." when longer. */
    public static String clip(final String text)
    {
        return text.length() <= CLIP ? text : text.substring(0, CLIP - 3) + "...";
    }
}
