package io.hytrix.engine.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test maps: the shipped ones (test resources under {@code io/hytrix/maps/}, see the pom) and inline sketches. */
public final class TestMaps
{
    private TestMaps()
    {
    }

    public static GridMap load(final String fileName)
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(fileName), StandardCharsets.US_ASCII)))
        {
            return MovingAiMapParser.parse(fileName, fileName, in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a shipped map file, e.g. {@code "arena.map"}. */
    public static String text(final String fileName)
    {
        try (InputStream in = open(fileName))
        {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(final String fileName)
    {
        final InputStream in = TestMaps.class.getResourceAsStream("/io/hytrix/maps/" + fileName);
        if (in == null)
        {
            throw new IllegalArgumentException("no shipped map " + fileName + " on the test classpath (io/hytrix/maps/)");
        }
        return in;
    }

    /** A map from its rows alone, header generated. */
    public static GridMap of(final String... rows)
    {
        final StringBuilder text = new StringBuilder()
            .append("type octile\nheight ").append(rows.length).append("\nwidth ").append(rows[0].length()).append("\nmap\n");
        for (final String row : rows)
        {
            text.append(row).append('\n');
        }
        return parse("sketch", text.toString());
    }

    public static GridMap parse(final String label, final String text)
    {
        try
        {
            return MovingAiMapParser.parse(label, label, new BufferedReader(new StringReader(text)));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
