package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a token, everything but /health needs {@code Authorization: Bearer <token>}; with an admin
 * token too, /v1/admin/* needs that one (the client token is 403 there) and opens nothing else.
 */
class GatewayAuthTest
{
    private static final String CLIENT = "client-s3cret";
    private static final String ADMIN = "admin-s3cret";

    @TempDir
    Path dir;

    private ServiceSettings settings(final String client, final String admin)
    {
        return TestServer.quietSettings(dir.resolve("journal")).withHttp(http -> http
            .withToken(client == null ? null : client.getBytes(StandardCharsets.US_ASCII))
            .withAdminToken(admin == null ? null : admin.getBytes(StandardCharsets.US_ASCII)));
    }

    private static TestServer.Answer snapshot(final TestServer server, final String token)
    {
        server.withToken(token);
        return server.send(server.request("/v1/admin/snapshot").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void assertUnauthorized(final TestServer.Answer a, final String what)
    {
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(401);
        assertThat(a.errorCode()).as(what).isEqualTo("UNAUTHORIZED");
        assertThat(a.header("www-authenticate")).as(what).isEqualTo("Bearer");
    }

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

    @Test
    void withAnAdminTokenAdminEndpointsNeedItAndTheClientTokenIsForbiddenThere()
    {
        try (TestServer server = new TestServer(settings(CLIENT, ADMIN)))
        {
            assertThat(server.get("/health").status()).isEqualTo(200);
            assertUnauthorized(snapshot(server, null), "no token");
            assertUnauthorized(snapshot(server, "guess"), "wrong token");
            assertUnauthorized(snapshot(server, ADMIN + "x"), "the admin token and more");
            final TestServer.Answer forbidden = snapshot(server, CLIENT);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.errorCode()).isEqualTo("ADMIN_TOKEN_REQUIRED");
            assertThat(forbidden.header("www-authenticate")).isNull();
            assertThat(server.withToken(CLIENT).get("/v1/admin/anything").errorCode()).as("every admin path")
                .isEqualTo("ADMIN_TOKEN_REQUIRED");

            // The admin token opens the admin endpoints only; the client token everything else.
            assertUnauthorized(server.withToken(ADMIN).get("/v1/state"), "admin token on a client endpoint");
            assertUnauthorized(server.withToken(ADMIN).post(TestServer.createHunt(1, 1, "plaza")), "admin token posting");
            assertThat(server.journalEntries()).isEmpty();
            assertThat(server.withToken(CLIENT).post(TestServer.createHunt(1, 1, "plaza")).json().path("code").asText())
                .isEqualTo("ACCEPTED");
            assertThat(server.get("/v1/state").status()).isEqualTo(200);

            final TestServer.Answer taken = snapshot(server, ADMIN);
            assertThat(taken.status()).as(taken.body()).isEqualTo(200);
            assertThat(taken.json().path("journalIndex").asLong()).as("the one command, index 0").isZero();
            assertThat(server.withToken(ADMIN).get("/v1/admin/anything").errorCode()).isEqualTo("NOT_FOUND");
            assertThat(server.withToken(CLIENT).get("/metrics").body())
                .contains("hytrix_edge_rejections_total{code=\"ADMIN_TOKEN_REQUIRED\"} 2")
                .doesNotContain(CLIENT, ADMIN);
        }
    }

    @Test
    void anAdminTokenAloneLeavesClientEndpointsOpen()
    {
        try (TestServer server = new TestServer(settings(null, ADMIN)))
        {
            assertThat(server.get("/v1/state").status()).isEqualTo(200);
            assertThat(server.withToken("anything").get("/v1/state").status()).isEqualTo(200);
            assertUnauthorized(snapshot(server, null), "no token");
            assertUnauthorized(snapshot(server, "anything"), "wrong token");
            assertThat(snapshot(server, ADMIN).errorCode()).as("in, and nothing applied yet").isEqualTo("NOTHING_TO_SNAPSHOT");
        }
    }

    @Test
    void withoutAnAdminTokenTheClientTokenOpensAdminEndpointsAsBefore()
    {
        try (TestServer server = new TestServer(settings(CLIENT, null)))
        {
            assertUnauthorized(snapshot(server, null), "no token");
            assertUnauthorized(snapshot(server, ADMIN), "a token not configured");
            assertThat(snapshot(server, CLIENT).errorCode()).isEqualTo("NOTHING_TO_SNAPSHOT");
        }
    }

    @Test
    void withNoTokenAtAllEverythingIsOpen()
    {
        try (TestServer server = new TestServer(settings(null, null)))
        {
            assertThat(server.get("/v1/state").status()).isEqualTo(200);
            assertThat(snapshot(server, null).errorCode()).isEqualTo("NOTHING_TO_SNAPSHOT");
        }
    }
}
