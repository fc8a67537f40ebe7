package io.hytrix.engine.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test maps: the shipped ones under /maps (read relative to the module directory) and inline sketches. */
public final class TestMaps
{
    private TestMaps()
    {
    }

    public static Path file(final String fileName)
    {
        return Path.of("..", "maps", fileName);
    }

    public static GridMap load(final String fileName)
    {
        try (BufferedReader in = Files.newBufferedReader(file(fileName), StandardCharsets.US_ASCII))
        {
            return MovingAiMapParser.parse(fileName, fileName, in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
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
