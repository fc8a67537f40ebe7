package io.hytrix.cli.paths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Moving AI scenario file ({@code .scen}, {@code version 1}): after the header, one problem per line as
 * nine tab-separated fields, {@code bucket map width height startx starty goalx goaly optimal_length}.
 * Held in parallel primitive arrays so checking tens of thousands of problems stays cheap.
 * Every malformed line is a {@link MovingAiScenarioException} naming file and line.
 */
public final class MovingAiScenarioFile
{
    private static final String[] FIELDS =
        { "bucket", "map", "width", "height", "startx", "starty", "goalx", "goaly", "optimal_length" };
    private static final int MAX_QUOTED = 60;

    private final String source;
    private int size;
    private int[] lines = new int[64];
    private int[] buckets = new int[64];
    private int[] ints = new int[64 * 6];
    private double[] optimal = new double[64];
    private final List<String> mapNames = new ArrayList<>();

    private MovingAiScenarioFile(final String source)
    {
        this.source = source;
    }

    /** @throws UncheckedIOException naming the file when it cannot be read */
    public static MovingAiScenarioFile read(final Path file)
    {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1))
        {
            return parse(file.toString(), in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static MovingAiScenarioFile parse(final String source, final BufferedReader in) throws IOException
    {
        final MovingAiScenarioFile scen = new MovingAiScenarioFile(source);
        final String header = in.readLine();
        if (header == null)
        {
            throw new MovingAiScenarioException(source, 1, "expected 'version 1' but the file is empty");
        }
        final String version = header.strip();
        if (!"version 1".equals(version) && !"version 1.0".equals(version))
        {
            throw new MovingAiScenarioException(source, 1, "expected 'version 1' but found " + quote(header));
        }
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine())
        {
            lineNumber++;
            if (!line.isBlank())
            {
                scen.add(lineNumber, line);
            }
        }
        return scen;
    }

    public String source()
    {
        return source;
    }

    public int size()
    {
        return size;
    }

    /** 1-based line of problem {@code i} in the file. */
    public int line(final int i)
    {
        return lines[i];
    }

    public int bucket(final int i)
    {
        return buckets[i];
    }

    public String mapName(final int i)
    {
        return mapNames.get(i);
    }

    public int mapWidth(final int i)
    {
        return ints[i * 6];
    }

    public int mapHeight(final int i)
    {
        return ints[i * 6 + 1];
    }

    public int startX(final int i)
    {
        return ints[i * 6 + 2];
    }

    public int startY(final int i)
    {
        return ints[i * 6 + 3];
    }

    public int goalX(final int i)
    {
        return ints[i * 6 + 4];
    }

    public int goalY(final int i)
    {
        return ints[i * 6 + 5];
    }

    public double optimalLength(final int i)
    {
        return optimal[i];
    }

    /** A one-line error about problem {@code i}, for callers that find it inconsistent with something else. */
    public MovingAiScenarioException error(final int i, final String problem)
    {
        return new MovingAiScenarioException(source, lines[i], problem);
    }

    private void add(final int lineNumber, final String line)
    {
        final String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS.length)
        {
            throw new MovingAiScenarioException(source, lineNumber, "expected " + FIELDS.length + " tab-separated fields ("
                + String.join(", ", FIELDS) + ") but found " + fields.length + ": " + quote(line));
        }
        if (size == lines.length)
        {
            final int capacity = size * 2;
            lines = Arrays.copyOf(lines, capacity);
            buckets = Arrays.copyOf(buckets, capacity);
            ints = Arrays.copyOf(ints, capacity * 6);
            optimal = Arrays.copyOf(optimal, capacity);
        }
        lines[size] = lineNumber;
        buckets[size] = nonNegative(lineNumber, fields, 0);
        if (fields[1].isEmpty())
        {
            throw new MovingAiScenarioException(source, lineNumber, "field 2 (map) is empty");
        }
        for (int f = 2; f < 8; f++)
        {
            ints[size * 6 + f - 2] = nonNegative(lineNumber, fields, f);
        }
        final int width = ints[size * 6];
        final int height = ints[size * 6 + 1];
        if (width == 0 || height == 0)
        {
            throw new MovingAiScenarioException(source, lineNumber, "map size " + width + "x" + height + " is empty");
        }
        checkInside(lineNumber, "start", ints[size * 6 + 2], ints[size * 6 + 3], width, height);
        checkInside(lineNumber, "goal", ints[size * 6 + 4], ints[size * 6 + 5], width, height);
        optimal[size] = length(lineNumber, fields[8]);
        mapNames.add(fields[1]);
        size++;
    }

    private void checkInside(final int lineNumber, final String what, final int x, final int y, final int width, final int height)
    {
        if (x >= width || y >= height)
        {
            throw new MovingAiScenarioException(source, lineNumber,
                what + " (" + x + "," + y + ") is outside the " + width + "x" + height + " map");
        }
    }

    private int nonNegative(final int lineNumber, final String[] fields, final int f)
    {
        final String text = fields[f];
        boolean digits = !text.isEmpty() && text.length() <= 9;
        for (int i = 0; digits && i < text.length(); i++)
        {
            digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (!digits)
        {
            throw new MovingAiScenarioException(source, lineNumber,
                "field " + (f + 1) + " (" + FIELDS[f] + ") must be a non-negative integer but is " + quote(text));
        }
        return Integer.parseInt(text);
    }

    private double length(final int lineNumber, final String text)
    {
        double value;
        try
        {
            value = Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            value = Double.NaN;
        }
        // parseDouble also takes "Infinity", "NaN", hex and surrounding blanks; none belongs in a .scen.
        if (!(value >= 0) || Double.isInfinite(value) || text.isEmpty() || !Character.isDigit(text.charAt(0))
            || !Character.isDigit(text.charAt(text.length() - 1)))
        {
            throw new MovingAiScenarioException(source, lineNumber,
                "field 9 (optimal_length) must be a non-negative decimal but is " + quote(text));
        }
        return value;
    }

    private static String quote(final String s)
    {
        final int n = Math.min(s.length(), MAX_QUOTED);
        final StringBuilder sb = new StringBuilder(n + 5).append('\'');
        for (int i = 0; i < n; i++)
        {
            final char c = s.charAt(i);
            if (c == '\t')
            {
                sb.append("\\t");
            }
            else
            {
                sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
        }
        if (s.length() > n)
        {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }
}
