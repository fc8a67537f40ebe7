package io.hytrix.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The seed article's figures for its Rust rewrite, which the bench sets beside its own (g) scenario.
 * They are data, in {@code reference-figures.properties} beside this class, each with its source, so
 * that changing one is a reviewed edit of a quoted number rather than of a string in the code.
 *
 * @param label   who the figures are of, e.g. {@code seed's Rust rewrite}
 * @param actors  the load they were stated at
 * @param source  where they come from
 * @param figures in the order the table shows them
 */
public record ReferenceFigures(String label, int actors, String source, List<Figure> figures)
{
    /** The resource the figures are read from, next to this class. */
    static final String RESOURCE = "reference-figures.properties";

    /**
     * One quoted figure.
     *
     * @param key    e.g. {@code rss}
     * @param value  the number as stated
     * @param unit   e.g. {@code MB}, or empty
     * @param text   how the table shows it, {@code {value}} and {@code {unit}} filled in
     * @param source where it comes from
     */
    public record Figure(String key, double value, String unit, String text, String source)
    {
        /** e.g. {@code RSS 390 MB}. */
        public String shown()
        {
            return text.replace("{value}", BenchFormat.number(value)).replace("{unit}", unit).strip();
        }
    }

    /** The figures shipped with the bench. */
    public static ReferenceFigures load()
    {
        try (InputStream in = ReferenceFigures.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(RESOURCE + " is missing from the bench's classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8))
            {
                final Properties p = new Properties();
                p.load(reader);
                return parse(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + ex.getMessage(), ex);
        }
    }

    static ReferenceFigures parse(final Properties p)
    {
        final List<Figure> figures = new ArrayList<>();
        for (final String raw : required(p, "figures").split(","))
        {
            final String key = raw.strip();
            final String value = required(p, key + ".value");
            try
            {
                figures.add(new Figure(key, Double.parseDouble(value), p.getProperty(key + ".unit", "").strip(),
                    required(p, key + ".text"), required(p, key + ".source")));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalStateException(RESOURCE + ": " + key + ".value is not a number: " + value, ex);
            }
        }
        return new ReferenceFigures(required(p, "reference.label"), Integer.parseInt(required(p, "reference.actors")),
            required(p, "reference.source"), List.copyOf(figures));
    }

    private static String required(final Properties p, final String key)
    {
        final String value = p.getProperty(key);
        if (value == null || value.isBlank())
        {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value.strip();
    }

    /** The table's row label, e.g. {@code seed's Rust rewrite, 2,500 actors}. */
    public String rowLabel()
    {
        return String.format(Locale.ROOT, "%s, %,d actors", label, actors);
    }

    /** The table's note: every figure as shown, in order, e.g. {@code RSS 390 MB; p99 hunt-complete 175 ms; ...}. */
    public String note()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Figure f : figures)
        {
            sb.append(sb.length() == 0 ? "" : "; ").append(f.shown());
        }
        return sb.toString();
    }
}
