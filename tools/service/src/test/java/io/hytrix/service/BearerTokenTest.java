package io.hytrix.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The token comparison: right only for the same bytes, and null never matches. */
class BearerTokenTest
{
    private static byte[] b(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void equalBytesMatch()
    {
        assertThat(BearerToken.constantTimeEquals(b("s3cret-token"), b("s3cret-token"))).isTrue();
        assertThat(BearerToken.of(b("s3cret-token")).matches(b("s3cret-token"))).isTrue();
    }

    @Test
    void differentBytesOfTheSameLengthDoNot()
    {
        assertThat(BearerToken.constantTimeEquals(b("s3cret-token"), b("s3cret-tokeN"))).isFalse();
        assertThat(BearerToken.constantTimeEquals(b("s3cret-token"), b("X3cret-token"))).isFalse();
        assertThat(BearerToken.of(b("s3cret-token")).matches(b("s3cret-tokem"))).isFalse();
    }

    @Test
    void differentLengthsDoNotEvenAsPrefixes()
    {
        assertThat(BearerToken.constantTimeEquals(b("s3cret"), b("s3cret-token"))).isFalse();
        assertThat(BearerToken.constantTimeEquals(b("s3cret-token-and-more"), b("s3cret-token"))).isFalse();
        assertThat(BearerToken.constantTimeEquals(new byte[0], b("s3cret-token"))).isFalse();
        assertThat(BearerToken.of(b("s3cret-token")).matches(b("s3cret-token "))).isFalse();
        assertThat(BearerToken.of(b("s3cret-token")).matches(new byte[0])).isFalse();
    }

    @Test
    void nullNeverMatches()
    {
        assertThat(BearerToken.constantTimeEquals(null, b("s3cret-token"))).isFalse();
        assertThat(BearerToken.constantTimeEquals(b("s3cret-token"), null)).isFalse();
        assertThat(BearerToken.constantTimeEquals(null, null)).isFalse();
        assertThat(BearerToken.of(b("s3cret-token")).matches(null)).isFalse();
        assertThat(BearerToken.of(null)).as("no token configured").isNull();
    }

    @Test
    void theHeaderGivesTheTokenAfterTheScheme()
    {
        assertThat(BearerToken.fromHeader("Bearer abc")).isEqualTo(b("abc"));
        assertThat(BearerToken.fromHeader("bearer   abc  ")).isEqualTo(b("abc"));
        assertThat(BearerToken.fromHeader("Basic YWJjOmRlZg==")).isNull();
        assertThat(BearerToken.fromHeader("Bearer")).isNull();
        assertThat(BearerToken.fromHeader(null)).isNull();
    }

    @Test
    void neitherTheTokenNorTheSettingsPrintIt()
    {
        assertThat(BearerToken.of(b("s3cret-token")).toString()).doesNotContain("s3cret");
        final HttpSettings http = HttpSettings.DEFAULTS.withToken(b("s3cret-token")).withAdminToken(b("admin-s3cret"));
        assertThat(http.toString()).doesNotContain("s3cret").contains("token=set", "adminToken=set");
    }
}
