package io.hytrix.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With {@code --tls-cert/--tls-key} the API is HTTPS only: a client trusting the certificate gets in, nothing else does. */
class GatewayTlsTest
{
    @TempDir
    Path dir;

    private TestCertificates.Pair pair;

    @BeforeEach
    void certificate()
    {
        pair = TestCertificates.generate(dir, "hytrix-test");
    }

    private TestServer server(final ServiceSettings settings)
    {
        final HttpClient trusting = TestServer.clientBuilder().sslContext(TestCertificates.trusting(pair.certificate())).build();
        return new TestServer(settings.withHttp(http -> http.withTls(pair.settings())), trusting);
    }

    @Test
    void aClientTrustingTheCertificateTalksHttps()
    {
        try (TestServer server = server(TestServer.quietSettings(dir.resolve("journal"))))
        {
            assertThat(server.service.url()).isEqualTo("https://127.0.0.1:" + server.service.port());
            final TestServer.Answer health = server.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("ok");
            assertThat(health.raw().sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));

            final TestServer.Answer created = server.post(TestServer.createHunt(1, 1, "plaza"));
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.json().path("code").asText()).isEqualTo("ACCEPTED");
            assertThat(server.get("/v1/hunts/1").json().path("huntId").asLong()).isEqualTo(1);
            assertThat(server.journalEntries()).hasSize(1);
        }
    }

    @Test
    void tokensWorkTheSameOverTls()
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withHttp(http -> http.withToken("tls-client".getBytes(StandardCharsets.US_ASCII)));
        try (TestServer server = server(settings))
        {
            assertThat(server.get("/v1/state").errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(server.withToken("tls-client").get("/v1/state").status()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() throws Exception
    {
        try (TestServer server = server(TestServer.quietSettings(dir.resolve("journal"))))
        {
            final HttpClient plain = TestServer.clientBuilder().build();
            final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.service.port() + "/health"))
                .timeout(Duration.ofSeconds(20)).GET().build();
            assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            // Nor is an HTTP answer hidden in what comes back: the server closes without a word of HTTP.
            assertThat(RawHttp.exchange(server.service.port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")).doesNotContain("HTTP/1.");
            assertThat(server.get("/health").status()).as("the TLS port still serves TLS").isEqualTo(200);
        }
    }

    @Test
    void aClientNotTrustingTheCertificateFailsTheHandshake()
    {
        try (TestServer server = server(TestServer.quietSettings(dir.resolve("journal"))))
        {
            final HttpClient untrusting = TestServer.clientBuilder().build();
            final HttpRequest request = HttpRequest.newBuilder(server.uri("/health")).timeout(Duration.ofSeconds(20)).GET().build();
            assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        }
    }
}
