package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that would cost others their answers: a slow-loris request, and more connections than the cap. */
class HostileClientTest
{
    @TempDir
    Path dir;

    @Test
    void aRequestTricklingInAByteAtATimeIsClosedAtItsDeadlineWhileOthersAreServed() throws Exception
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withHttp(http -> http.withLimits(l -> l.withRequestDeadlineSeconds(2).withIdleTimeoutSeconds(60)));
        try (TestServer server = new TestServer(settings);
             Socket loris = new Socket("127.0.0.1", server.service.port()))
        {
            final OutputStream out = loris.getOutputStream();
            out.write("POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // A byte every 200 ms keeps resetting an idle timer; the deadline counts from the first byte.
            final AtomicBoolean closed = new AtomicBoolean();
            final Thread trickle = new Thread(() -> {
                try
                {
                    for (int i = 0; i < 100 && !closed.get(); i++)
                    {
                        out.write('[');
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                catch (final Exception ex)
                {
                    closed.set(true); // the server closed the socket under us: what the test waits for
                }
            });
            trickle.start();
            assertThat(server.get("/health").status()).as("other clients are served meanwhile").isEqualTo(200);
            assertThat(RawHttp.closedWithin(loris, 15)).as("the slow request is cut off").isTrue();
            closed.set(true);
            trickle.join();
            TestServer.await("the metric", 10, () -> server.get("/metrics").body()
                .contains("hytrix_edge_rejections_total{code=\"REQUEST_TIMEOUT\"} 1"));
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceAndTheOpenOnesKeepTheirAnswers() throws Exception
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withHttp(http -> http.withLimits(l -> l.withMaxConnections(2)));
        try (TestServer server = new TestServer(settings);
             Socket first = new Socket("127.0.0.1", server.service.port());
             Socket second = new Socket("127.0.0.1", server.service.port());
             Socket third = new Socket("127.0.0.1", server.service.port()))
        {
            assertThat(RawHttp.closedWithin(third, 10)).as("the connection over the cap is closed").isTrue();
            final String health = RawHttp.oneAnswer(first, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(health).startsWith("HTTP/1.1 200");
            second.close();
            TestServer.await("room for a new connection once one closed", 10, () -> {
                try (Socket again = new Socket("127.0.0.1", server.service.port()))
                {
                    return RawHttp.oneAnswer(again, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200");
                }
                catch (final java.io.IOException | java.io.UncheckedIOException ex)
                {
                    return false;
                }
            });
            assertThat(RawHttp.oneAnswer(first, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"))
                .contains("hytrix_edge_rejections_total{code=\"TOO_MANY_CONNECTIONS\"}");
        }
    }
}
