package io.hytrix.engine.map;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a Moving AI {@code type octile} grid. Strict, because a map that loads "mostly right" silently
 * changes every path and every replay built on it: the four header lines must come in order, the row count
 * and every row width must match the header exactly, and only blank lines may follow the last row.
 * A trailing CR on any line is tolerated so files edited on Windows still load.
 *
 * <p>Passable glyphs are {@code .}, {@code G} and {@code S}; any other character is a blocked tile, not an
 * error, since the benchmark sets use several blocked glyphs ({@code @ O T W}) with game-specific meanings.
 *
 * <p>The engine does no file I/O: callers open the source and hand over a reader.
 */
public final class MovingAiMapParser
{
    private static final int MAX_QUOTED = 40;

    private MovingAiMapParser()
    {
    }

    /**
     * @param mapName     name the map will carry
     * @param sourceLabel what to call the source in error messages, usually its file name
     * @throws MapFormatException on the first deviation from the format, naming its line
     */
    public static GridMap parse(final String mapName, final String sourceLabel, final BufferedReader in)
        throws IOException
    {
        final Lines lines = new Lines(sourceLabel, in);
        final String type = lines.next("'type octile'");
        if (!"type octile".equals(type))
        {
            throw lines.error("expected 'type octile' but found " + quote(type));
        }
        final int height = dimension(lines, "height");
        final int width = dimension(lines, "width");
        final String map = lines.next("'map'");
        if (!"map".equals(map))
        {
            throw lines.error("expected 'map' but found " + quote(map));
        }

        final boolean[] passable = new boolean[width * height];
        for (int y = 0; y < height; y++)
        {
            final String row = lines.nextOrNull();
            if (row == null)
            {
                throw lines.error("expected " + height + " map rows but the input ended after " + y);
            }
            if (row.length() != width)
            {
                throw lines.error("map row " + y + " has " + row.length() + " characters, expected " + width);
            }
            final int base = y * width;
            for (int x = 0; x < width; x++)
            {
                final char c = row.charAt(x);
                passable[base + x] = c == '.' || c == 'G' || c == 'S';
            }
        }

        for (String extra = lines.nextOrNull(); extra != null; extra = lines.nextOrNull())
        {
            if (!extra.isBlank())
            {
                throw lines.error("unexpected content after the " + height + " map rows: " + quote(extra));
            }
        }
        return new GridMap(mapName, width, height, passable);
    }

    private static int dimension(final Lines lines, final String key) throws IOException
    {
        final String expected = "'" + key + " <n>'";
        final String line = lines.next(expected);
        final int prefix = key.length() + 1;
        final boolean shaped = line.length() > prefix && line.length() <= prefix + 9
            && line.startsWith(key) && line.charAt(key.length()) == ' ' && allDigits(line, prefix);
        if (!shaped)
        {
            throw lines.error("expected " + expected + " but found " + quote(line));
        }
        final int value = Integer.parseInt(line, prefix, line.length(), 10);
        if (value < 1 || value > GridMap.MAX_DIMENSION)
        {
            throw lines.error(key + ' ' + value + " is out of range, must be 1.." + GridMap.MAX_DIMENSION);
        }
        return value;
    }

    private static boolean allDigits(final String s, final int from)
    {
        for (int i = from; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }

    /** Quoted, shortened and stripped of control characters so the exception message stays one line. */
    static String quote(final String s)
    {
        final int n = Math.min(s.length(), MAX_QUOTED);
        final StringBuilder sb = new StringBuilder(n + 5).append('\'');
        for (int i = 0; i < n; i++)
        {
            final char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > n)
        {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    /** Line reader that remembers the 1-based number of the line last returned. */
    private static final class Lines
    {
        private final String source;
        private final BufferedReader in;
        private int lineNumber;

        Lines(final String source, final BufferedReader in)
        {
            this.source = source;
            this.in = in;
        }

        String next(final String expected) throws IOException
        {
            final String line = nextOrNull();
            if (line == null)
            {
                throw error("expected " + expected + " but the input ended");
            }
            return line;
        }

        String nextOrNull() throws IOException
        {
            final String line = in.readLine();
            // Counted even at end of input so an error points at the missing line, not the last present one.
            lineNumber++;
            // readLine ends lines at LF, CR or CRLF, so a trailing CR never reaches the width check.
            return line;
        }

        MapFormatException error(final String problem)
        {
            return new MapFormatException(source, lineNumber, problem);
        }
    }
}
