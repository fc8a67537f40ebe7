package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The bench's figures: one table for people, the same figures as JSON for scripts.
 *
 * @param reference the quoted figures the table sets beside (g), with their sources (in the JSON only)
 */
public record BenchReport(BenchSizes sizes, PipelineConfig config, List<Row> rows, double seconds, ReferenceFigures reference)
{
    public Row row(final String id)
    {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The machine line: cores, CPU model, JVM. */
    public static String machine()
    {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", " + jvm();
    }

    static String jvm()
    {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + ", heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, GC " + gcNames();
    }

    private static String gcNames()
    {
        final StringBuilder sb = new StringBuilder();
        for (final var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans())
        {
            sb.append(sb.length() == 0 ? "" : "+").append(gc.getName().replace(' ', '_'));
        }
        return sb.toString();
    }

    static String cpuModel()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    public String table()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("hytrix bench (").append(sizes.name()).append(", ").append(BenchRun.name(config)).append(", ")
            .append(String.format(Locale.ROOT, "%.0f s", seconds)).append(") on ").append(machine()).append('\n');
        final String format = "%-46s %12s %-10s %-11s %-26s %s%n";
        sb.append(String.format(Locale.ROOT, format, "row", "measured", "unit", "budget", "verdict", "note"));
        sb.append("-".repeat(130)).append('\n');
        for (final Row r : rows)
        {
            sb.append(String.format(Locale.ROOT, format, r.label(), BenchFormat.number(r.value()), r.unit(), r.budget(),
                r.verdict(), r.note()));
        }
        final long missed = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
        final long judged = rows.stream().filter(r -> r.met() != null).count();
        sb.append(String.format(Locale.ROOT, "budgets: %d of %d met", judged - missed, judged));
        return sb.toString();
    }

    public String json()
    {
        final StringBuilder sb = new StringBuilder("{\n");
        field(sb, "sizes", sizes.name()).append(",\n");
        field(sb, "layout", config.layout().name().toLowerCase(Locale.ROOT)).append(",\n");
        field(sb, "waitStrategy", config.waitStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(",\n");
        field(sb, "cores", Runtime.getRuntime().availableProcessors()).append(",\n");
        field(sb, "cpu", cpuModel()).append(",\n");
        field(sb, "jvm", jvm()).append(",\n");
        field(sb, "javaVersion", System.getProperty("java.version")).append(",\n");
        field(sb, "seconds", seconds).append(",\n");
        sb.append("  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++)
        {
            final Row r = rows.get(i);
            sb.append("    {");
            sb.append(quote("id")).append(": ").append(quote(r.id())).append(", ");
            sb.append(quote("label")).append(": ").append(quote(r.label().strip())).append(", ");
            sb.append(quote("value")).append(": ").append(number(r.value())).append(", ");
            sb.append(quote("unit")).append(": ").append(quote(r.unit())).append(", ");
            sb.append(quote("budget")).append(": ").append(quote(r.budget())).append(", ");
            sb.append(quote("met")).append(": ").append(r.met() == null ? "null" : r.met().toString()).append(", ");
            sb.append(quote("verdict")).append(": ").append(quote(r.verdict())).append(", ");
            sb.append(quote("note")).append(": ").append(quote(r.note())).append('}');
            sb.append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
        referenceJson(sb);
        sb.append("}\n");
        return sb.toString();
    }

    /** {@code "reference": {label, actors, source, figures: [{key, value, unit, source}]}}: what the "seed" row quotes. */
    private void referenceJson(final StringBuilder sb)
    {
        sb.append("  ").append(quote("reference")).append(": {");
        sb.append(quote("label")).append(": ").append(quote(reference.label())).append(", ");
        sb.append(quote("actors")).append(": ").append(reference.actors()).append(", ");
        sb.append(quote("source")).append(": ").append(quote(reference.source())).append(", ");
        sb.append(quote("figures")).append(": [\n");
        final List<ReferenceFigures.Figure> figures = reference.figures();
        for (int i = 0; i < figures.size(); i++)
        {
            final ReferenceFigures.Figure f = figures.get(i);
            sb.append("    {").append(quote("key")).append(": ").append(quote(f.key())).append(", ");
            sb.append(quote("value")).append(": ").append(number(f.value())).append(", ");
            sb.append(quote("unit")).append(": ").append(quote(f.unit())).append(", ");
            sb.append(quote("source")).append(": ").append(quote(f.source())).append('}');
            sb.append(i + 1 < figures.size() ? ",\n" : "\n");
        }
        sb.append("  ]}\n");
    }

    private static StringBuilder field(final StringBuilder sb, final String name, final Object value)
    {
        sb.append("  ").append(quote(name)).append(": ");
        if (value instanceof Number n)
        {
            sb.append(number(n.doubleValue()));
        }
        else
        {
            sb.append(quote(String.valueOf(value)));
        }
        return sb;
    }

    private static String number(final double v)
    {
        if (Double.isNaN(v) || Double.isInfinite(v))
        {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(final String s)
    {
        final StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20)
                    {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
