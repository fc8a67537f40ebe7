package io.hytrix.bench;

/**
 * A row computed from rows measured before it, read by id from the run: {@code (c)/(b)}, the recovery
 * estimate. It measures nothing, so its sources are named where it is defined rather than found by
 * position in the table.
 */
@FunctionalInterface
interface DerivedRow
{
    Row of(BenchRun run);

    /** {@code numerator / denominator}, unitless and with no budget. */
    static DerivedRow ratio(final String id, final String label, final String numerator, final String denominator)
    {
        return run -> Row.info(id, label, run.value(numerator) / run.value(denominator), "", "");
    }

    /** {@code numerator / denominator}, unitless, judged against {@code min}. */
    static DerivedRow ratioAtLeast(final String id, final String label, final String numerator, final String denominator,
        final double min, final String budgetText)
    {
        return run -> Row.atLeast(id, label, run.value(numerator) / run.value(denominator), "", min, budgetText, "");
    }
}
