package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --idle-timeout: idle and stalled connections are closed; event streams and pending answers are not. */
class GatewayIdleTest
{
    @TempDir
    Path dir;

    private TestServer server(final int idleSeconds)
    {
        return new TestServer(TestServer.quietSettings(dir.resolve("journal")).withHttp(http -> http.withLimits(l -> l.withIdleTimeoutSeconds(idleSeconds))));
    }

    @Test
    void anIdleConnectionAndAStalledHalfRequestAreClosedAndCounted() throws Exception
    {
        try (TestServer server = server(1);
             Socket idle = new Socket("127.0.0.1", server.service.port());
             Socket stalled = new Socket("127.0.0.1", server.service.port()))
        {
            stalled.getOutputStream().write("POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            assertThat(RawHttp.closedWithin(idle, 10)).as("idle connection closed").isTrue();
            assertThat(RawHttp.closedWithin(stalled, 10)).as("stalled request closed").isTrue();
            TestServer.await("the metric", 10,
                () -> server.get("/metrics").body().contains("hytrix_edge_rejections_total{code=\"IDLE_TIMEOUT\"} 2"));
        }
    }

    @Test
    void aQuietEventStreamOutlivesTheTimeoutAndAKeptAliveConnectionServesAgainBeforeIt() throws Exception
    {
        try (TestServer server = server(1); Socket stream = new Socket("127.0.0.1", server.service.port()))
        {
            server.post(TestServer.createHunt(1, 1, "plaza"));
            final OutputStream out = stream.getOutputStream();
            out.write("GET /v1/events?hunt=1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null && !line.startsWith(": events of hunt 1"); )
            {
                // headers
            }
            Thread.sleep(2500); // past the timeout with nothing on the stream
            assertThat(server.post(TestServer.join(2, 1, 7)).status()).isEqualTo(200);
            stream.setSoTimeout(10_000);
            String line;
            while ((line = in.readLine()) != null && !line.equals("event: actorJoined"))
            {
                // skip to the event
            }
            assertThat(line).as("the stream is still open and carries the event").isEqualTo("event: actorJoined");
        }
    }

    @Test
    void zeroTurnsTheTimeoutOff() throws Exception
    {
        try (TestServer server = server(0); Socket idle = new Socket("127.0.0.1", server.service.port()))
        {
            assertThat(RawHttp.closedWithin(idle, 2)).isFalse();
        }
    }
}
