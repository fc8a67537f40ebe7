package io.hytrix.engine.util;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified PRNG whose whole state is one long,
 * so a hunt's randomness is part of its state, snapshots and hash. {@code java.util.Random} is
 * avoided because its algorithm is a library detail, not a contract we control.
 */
public final class SplitMix64
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64()
    {
    }

    /** Advances a state; store the result back as the new state. */
    public static long nextState(final long state)
    {
        return state + GOLDEN_GAMMA;
    }

    /** The output for a state that was just advanced by {@link #nextState(long)}. */
    public static long mix(final long state)
    {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Maps a random long to [0, bound) with Lemire's multiply-high; bias is below 2^-32 for our bounds. */
    public static int bounded(final long random, final int bound)
    {
        return (int)Math.multiplyHigh(random >>> 1, (long)bound << 1);
    }
}
