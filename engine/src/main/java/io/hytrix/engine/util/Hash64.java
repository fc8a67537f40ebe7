package io.hytrix.engine.util;

/**
 * A fixed 64-bit streaming hash over explicit values, for the state hash. The algorithm is part of
 * the journal-compatibility contract: changing it changes every recorded hash. Each value is
 * folded in with a multiply-rotate step and the result is finished with the SplitMix64 mixer.
 */
public final class Hash64
{
    private static final long SEED = 0x48797472697848L; // "Hytrix"
    private static final long PRIME = 0x9E3779B97F4A7C15L;

    private long h = SEED;

    public Hash64 reset()
    {
        h = SEED;
        return this;
    }

    public Hash64 add(final long value)
    {
        h = Long.rotateLeft((h ^ value) * PRIME, 29) + PRIME;
        return this;
    }

    public Hash64 add(final byte[] bytes, final int length)
    {
        add(length);
        for (int i = 0; i < length; i++)
        {
            add(bytes[i]);
        }
        return this;
    }

    public long value()
    {
        return SplitMix64.mix(h);
    }

    public static String hex(final long hash)
    {
        final String s = Long.toHexString(hash);
        return "0000000000000000".substring(s.length()) + s;
    }
}
