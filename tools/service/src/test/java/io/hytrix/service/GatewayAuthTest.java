package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With a token, everything but /health needs {@code Authorization: Bearer <token>}. */
class GatewayAuthTest
{
    @TempDir
    Path dir;

    @Test
    void requestsWithoutTheTokenGet401AndHealthStaysOpen()
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withHttp(http -> http.withToken("s3cret-token".getBytes(StandardCharsets.US_ASCII)));
        try (TestServer server = new TestServer(settings))
        {
            assertThat(server.get("/health").status()).isEqualTo(200);
            for (final String path : new String[] { "/v1/state", "/metrics", "/v1/hunts/1", "/v1/actors/1", "/v1/events", "/nope" })
            {
                final TestServer.Answer a = server.get(path);
                assertThat(a.status()).as(path).isEqualTo(401);
                assertThat(a.errorCode()).as(path).isEqualTo("UNAUTHORIZED");
                assertThat(a.header("www-authenticate")).as(path).isEqualTo("Bearer");
            }
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).status()).isEqualTo(401);
            server.withToken("wrong-token");
            assertThat(server.get("/v1/state").status()).isEqualTo(401);
            assertThat(server.journalEntries()).isEmpty();

            server.withToken("s3cret-token");
            assertThat(server.get("/v1/state").status()).isEqualTo(200);
            assertThat(server.post(TestServer.createHunt(1, 1, "plaza")).json().path("code").asText()).isEqualTo("ACCEPTED");
            assertThat(server.journalEntries()).hasSize(1);
        }
    }
}
