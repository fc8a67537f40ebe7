package io.hytrix.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A bearer token the gateway checks requests against, kept only as its SHA-256 digest.
 * <p>
 * Why a digest: a comparison that stops at the first differing byte, or at a length mismatch,
 * tells a patient client how much of its guess was right. {@link MessageDigest#isEqual} walks the
 * whole array, but how it treats arrays of different lengths is the JDK's business (older JDKs
 * returned at once). Comparing two 32-byte digests leaves nothing to leak: same length always, no
 * early exit, and the time depends neither on the secret's length nor on how many bytes of it a
 * guess got right. The plain token is not kept here, so nothing downstream can log it.
 */
final class BearerToken
{
    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    private BearerToken(final byte[] token)
    {
        this.digest = sha256(token);
    }

    /** The token to check against, or null when {@code token} is null (no token configured). */
    static BearerToken of(final byte[] token)
    {
        return token == null ? null : new BearerToken(token);
    }

    /** Whether {@code presented} is this token; false for null. */
    boolean matches(final byte[] presented)
    {
        return presented != null && MessageDigest.isEqual(sha256(presented), digest);
    }

    /**
     * The comparison {@link #matches} makes, for two plain values: true only when both are non-null
     * and hold the same bytes, in a time that does not depend on where they differ or on their lengths.
     */
    static boolean constantTimeEquals(final byte[] presented, final byte[] expected)
    {
        return presented != null && expected != null && MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), or null for none. */
    static byte[] fromHeader(final String header)
    {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
        {
            return null;
        }
        return header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
    }

    /** Never the token, nor its digest. */
    @Override
    public String toString()
    {
        return "BearerToken[redacted]";
    }

    private static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }
}
