package io.hytrix.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** A full ring is answered 503 with Retry-After at once; nothing waits, nothing is lost, nothing extra is journaled. */
class GatewayBackpressureTest
{
    @TempDir
    Path dir;

    @Test
    void aFullRingIsAnswered503AndTheAdmittedCommandsStillComplete() throws Exception
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withNode(node -> node.withPipeline(pipeline -> pipeline.withRingSize(4)));
        try (TestServer server = new TestServer(settings))
        {
            final CountDownLatch release = new CountDownLatch(1);
            server.service.stallHandlerUntil(release);
            try
            {
                // The handler applies the first command and then holds its slot; three more fill the ring.
                final List<CompletableFuture<TestServer.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++)
                {
                    answers.add(server.postAsync("{\"type\":\"dig\",\"cmdId\":" + (100 + i) + ",\"actorId\":1}"));
                }
                // The first command is held unanswered by the stalled handler; the refusals are what counts.
                TestServer.await("two 503s", 20, () -> refusedSoFar(answers).size() >= 2);
                final List<TestServer.Answer> refused = refusedSoFar(answers);
                assertThat(refused).hasSize(2);
                for (final TestServer.Answer a : refused)
                {
                    assertThat(a.status()).isEqualTo(503);
                    assertThat(a.errorCode()).isEqualTo("OVERLOADED");
                    assertThat(a.header("retry-after")).isEqualTo("1");
                }
                // Health never touches the ring, so it answers while the engine is stuck.
                assertThat(server.get("/health").status()).isEqualTo(200);

                server.service.stallHandlerUntil(null);
                release.countDown();
                final List<TestServer.Answer> all = answers.stream().map(CompletableFuture::join).toList();
                assertThat(all.stream().filter(a -> a.status() == 200)).hasSize(4);
                assertThat(all.stream().filter(a -> a.status() == 200))
                    .allSatisfy(a -> assertThat(a.json().path("code").asText()).isEqualTo("UNKNOWN_ACTOR"));
                assertThat(server.journalEntries()).hasSize(4);
            }
            finally
            {
                // A failed assertion must not leave the handler parked: close() would wait for it forever.
                server.service.stallHandlerUntil(null);
                release.countDown();
            }
        }
    }

    private static List<TestServer.Answer> refusedSoFar(final List<CompletableFuture<TestServer.Answer>> answers)
    {
        return answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
            .filter(a -> a.status() == 503).toList();
    }

    @Test
    void tooManyRequestsInFlightAreAnswered503()
    {
        final ServiceSettings settings = TestServer.quietSettings(dir.resolve("journal"))
            .withHttp(http -> http.withLimits(l -> l.withMaxRequestsInFlight(1)));
        try (TestServer server = new TestServer(settings))
        {
            final CountDownLatch release = new CountDownLatch(1);
            server.service.stallHandlerUntil(release);
            final CompletableFuture<TestServer.Answer> first = server.postAsync("{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1}");
            TestServer.await("the first request in flight", 20, () -> server.service.requestsInFlight() == 1);
            final TestServer.Answer second = server.post("{\"type\":\"dig\",\"cmdId\":2,\"actorId\":1}");
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.errorCode()).isEqualTo("OVERLOADED");
            assertThat(second.header("retry-after")).isEqualTo("1");
            server.service.stallHandlerUntil(null);
            release.countDown();
            assertThat(first.join().status()).isEqualTo(200);
        }
    }
}
