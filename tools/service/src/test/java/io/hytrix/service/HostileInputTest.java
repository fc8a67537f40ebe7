package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed HTTP, random bytes and mutated command bodies: the server keeps answering, and the
 * journal holds exactly the commands it answered 200 for, nothing else.
 */
class HostileInputTest
{
    private static final List<String> MALFORMED_HTTP = List.of(
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nContent-Length: 9\r\n\r\n{}{}",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"type\":\"dig\"",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 9\r\n\r\n\u00ff\u00fe\u0000{\"a\":1",
        "POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\n[[[",
        "POST /v1/commands?x=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]",
        "DELETE /v1/commands HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/events?hunt=abc HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/events?hunt=1&hunt=2 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/hunts/99999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "\r\n\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /v1/state HTTP/1.1\r\nHost: x\r\n\r\n".repeat(40));

    @TempDir
    Path dir;

    @Test
    void hostileInputNeverStopsTheServerNorReachesTheJournal() throws Exception
    {
        try (TestServer server = TestServer.quiet(dir.resolve("journal")))
        {
            final int port = server.service.port();
            for (final String request : MALFORMED_HTTP)
            {
                final String answer = RawHttp.exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 2000, true);
                // Either refused with a 4xx, or (pipelined health checks) answered; never a 5xx, never a hang.
                assertThat(answer).as(request.substring(0, Math.min(60, request.length())))
                    .doesNotContain("HTTP/1.1 5");
            }

            final SplittableRandom random = new SplittableRandom(20261127L);
            // Random bytes as the whole request: written, then the connection dropped.
            for (int i = 0; i < 2000; i++)
            {
                final byte[] junk = new byte[1 + random.nextInt(300)];
                for (int b = 0; b < junk.length; b++)
                {
                    junk[b] = (byte)random.nextInt(256);
                }
                if (i % 3 == 0)
                {
                    // half of those start like a real request, to get past the request line
                    final byte[] head = "POST /v1/commands HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(head, 0, junk, 0, Math.min(head.length, junk.length));
                }
                try (Socket socket = new Socket("127.0.0.1", port))
                {
                    final OutputStream out = socket.getOutputStream();
                    out.write(junk);
                    out.flush();
                }
                catch (final IOException resetByServer)
                {
                    // the server may close first; that is fine
                }
            }

            // Random and mutated bodies inside well-formed requests: each is 400 or, if the mutation
            // still makes valid commands, 200; the journal must hold exactly the commands answered 200.
            long answered = 0;
            for (int i = 0; i < 1500; i++)
            {
                final byte[] body = i % 2 == 0 ? randomBytes(random) : mutated(random, i);
                final TestServer.Answer a = server.send(server.request("/v1/commands").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
                // 409: a batch that reuses a cmdId with other fields; that command is refused as a conflict,
                // the answer still lists every outcome and every command of it was journaled.
                assertThat(a.status()).as(new String(body, StandardCharsets.ISO_8859_1)).isIn(200, 400, 409);
                if (a.status() != 400)
                {
                    final JsonNode json = a.json();
                    answered += json.isArray() ? json.size() : 1;
                }
                else
                {
                    assertThat(a.errorCode()).isNotNull();
                }
            }

            final TestServer.Answer health = server.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(server.journalEntries()).hasSize((int)answered);
            assertThat(server.get("/v1/state").json().path("commands").asLong()).isEqualTo(answered);
        }
    }

    private static byte[] randomBytes(final SplittableRandom random)
    {
        final byte[] body = new byte[random.nextInt(200)];
        for (int b = 0; b < body.length; b++)
        {
            body[b] = (byte)random.nextInt(256);
        }
        return body;
    }

    /** A valid batch with one to three bytes changed: sometimes still valid, mostly not. */
    private static byte[] mutated(final SplittableRandom random, final int i)
    {
        final byte[] body = ("[{\"type\":\"createHunt\",\"cmdId\":" + (10_000 + i) + ",\"huntId\":" + (100 + i)
            + ",\"map\":\"plaza\",\"seed\":3,\"treasures\":4,\"durationTicks\":50,\"maxActors\":9},"
            + "{\"type\":\"joinHunt\",\"cmdId\":" + (20_000 + i) + ",\"huntId\":" + (100 + i) + ",\"actorId\":" + (5000 + i) + "},"
            + "{\"type\":\"move\",\"cmdId\":" + (30_000 + i) + ",\"actorId\":" + (5000 + i) + ",\"dir\":\"NE\"}]")
            .getBytes(StandardCharsets.US_ASCII);
        final int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++)
        {
            final int at = random.nextInt(body.length);
            body[at] = random.nextBoolean() ? (byte)random.nextInt(256) : (byte)"0123456789\"{}[],:-".charAt(random.nextInt(18));
        }
        return body;
    }
}
