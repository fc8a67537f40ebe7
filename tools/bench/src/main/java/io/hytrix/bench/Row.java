package io.hytrix.bench;

/**
 * One line of the bench table.
 *
 * @param id      short stable key for JSON and scripts, e.g. {@code c.split.yielding}
 * @param label   what was measured, for people
 * @param value   the figure, in {@code unit}; NaN when there is none
 * @param unit    e.g. {@code cmd/s}, {@code us}, {@code B/cmd}, {@code MB}
 * @param budget  the performance budget as text, or empty
 * @param met     TRUE/FALSE against the budget, null when the row has none
 * @param verdict "met", "MISSED by …", or empty
 * @param note    context (iterations, ratio, layout, derived figures)
 */
public record Row(String id, String label, double value, String unit, String budget, Boolean met, String verdict,
    String note)
{
    static Row info(final String id, final String label, final double value, final String unit, final String note)
    {
        return new Row(id, label, value, unit, "", null, "", note);
    }

    /** A row that must be at least {@code min}. */
    static Row atLeast(final String id, final String label, final double value, final String unit, final double min,
        final String budgetText, final String note)
    {
        final boolean met = value >= min;
        final String verdict = met ? "met" : String.format("MISSED by %s (%.2fx short)", BenchFormat.percent(1 - value / min), min / Math.max(value, 1e-12));
        return new Row(id, label, value, unit, budgetText, met, verdict, note);
    }

    /** A row that must be at most {@code max}. */
    static Row atMost(final String id, final String label, final double value, final String unit, final double max,
        final String budgetText, final String note)
    {
        final boolean met = value <= max;
        final String verdict = met ? "met" : max == 0
            ? "MISSED by " + BenchFormat.small(value) + " " + unit
            : String.format("MISSED by %s %s (%.1fx over)", BenchFormat.number(value - max), unit, value / max);
        return new Row(id, label, value, unit, budgetText, met, verdict, note);
    }
}
