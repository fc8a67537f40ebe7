package io.hytrix.bench;

import java.util.Arrays;
import java.util.Locale;

/** Warm-up then measured iterations; reports the median (and the spread) of the measured rates. */
final class Stats
{
    /** One iteration: how many operations in how many nanoseconds. */
    interface Iteration
    {
        long run() throws Exception; // returns elapsed nanos for a known operation count
    }

    final double[] rates;

    private Stats(final double[] rates)
    {
        this.rates = rates;
    }

    static Stats measure(final int warmups, final int iterations, final long operations, final Iteration iteration)
        throws Exception
    {
        for (int i = 0; i < warmups; i++)
        {
            iteration.run();
        }
        final double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            rates[i] = operations * 1e9 / Math.max(1, iteration.run());
        }
        return new Stats(rates);
    }

    static Stats of(final double... rates)
    {
        return new Stats(rates.clone());
    }

    double median()
    {
        final double[] sorted = rates.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min()
    {
        return Arrays.stream(rates).min().orElse(Double.NaN);
    }

    double max()
    {
        return Arrays.stream(rates).max().orElse(Double.NaN);
    }

    /** e.g. {@code median of 7 (min 1.2M, max 1.4M)}. */
    String describe()
    {
        return String.format(Locale.ROOT, "median of %d (%s..%s)", rates.length, BenchFormat.number(min()),
            BenchFormat.number(max()));
    }
}
