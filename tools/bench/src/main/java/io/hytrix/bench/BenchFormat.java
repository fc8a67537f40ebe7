package io.hytrix.bench;

import java.util.Locale;

/** Number formatting for the table: short, unit-aware, locale-independent. */
public final class BenchFormat
{
    private BenchFormat()
    {
    }

    public static String number(final double v)
    {
        if (Double.isNaN(v))
        {
            return "-";
        }
        final double a = Math.abs(v);
        if (a >= 1e9)
        {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        }
        if (a >= 1e6)
        {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4)
        {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 100 || v == Math.rint(v))
        {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1)
        {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return Math.abs(v) < 0.001 && v != 0 ? String.format(Locale.ROOT, "%.1g", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Like {@link #number} but keeps two significant digits of tiny values (0.00012). */
    public static String small(final double v)
    {
        return v != 0 && Math.abs(v) < 0.01 ? String.format(Locale.ROOT, "%.2g", v) : number(v);
    }

    public static String percent(final double fraction)
    {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    public static String ratio(final double r)
    {
        return String.format(Locale.ROOT, "%.2f", r);
    }
}
