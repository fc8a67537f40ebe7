package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.util.Hash64;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.hytrix.service.TestServer.createHunt;
import static io.hytrix.service.TestServer.join;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint and every refusal, over real HTTP against one in-JVM gateway on an ephemeral port. */
class GatewayApiTest
{
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start()
    {
        server = TestServer.quiet(dir.resolve("journal"));
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    @Test
    void healthAnswersOk()
    {
        final TestServer.Answer a = server.get("/health");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aSingleCommandIsAnsweredAfterTheHandlerAppliedIt()
    {
        final TestServer.Answer a = server.post(createHunt(1001, 101, "plaza"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).isEqualTo("application/json");
        final JsonNode outcome = a.json();
        assertThat(outcome.path("cmdId").asLong()).isEqualTo(1001);
        assertThat(outcome.path("outcome").asText()).isEqualTo("accepted");
        assertThat(outcome.path("code").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.path("journalIndex").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(outcome.path("events").get(0).path("type").asText()).isEqualTo("huntCreated");
        assertThat(outcome.has("duplicate")).isFalse();
    }

    @Test
    void aBatchIsAnsweredInOrderWithRejectionsAndEvents()
    {
        server.post(createHunt(2001, 201, "plaza"));
        final TestServer.Answer a = server.post("[" + join(2002, 201, 2101) + "," + join(2003, 201, 2102) + ","
            + "{\"type\":\"dig\",\"cmdId\":2004,\"actorId\":999999}," + join(2005, 999, 2103) + "]");
        assertThat(a.status()).isEqualTo(200);
        final JsonNode answers = a.json();
        assertThat(answers.isArray()).isTrue();
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).path("cmdId").asLong()).isEqualTo(2002);
        assertThat(answers.get(0).path("events").get(0).path("type").asText()).isEqualTo("actorJoined");
        assertThat(answers.get(1).path("cmdId").asLong()).isEqualTo(2003);
        assertThat(answers.get(2).path("outcome").asText()).isEqualTo("rejected");
        assertThat(answers.get(2).path("code").asText()).isEqualTo("UNKNOWN_ACTOR");
        assertThat(answers.get(2).path("message").asText()).isNotEmpty();
        assertThat(answers.get(3).path("code").asText()).isEqualTo("UNKNOWN_HUNT");
        assertThat(answers.get(1).path("journalIndex").asLong()).isEqualTo(answers.get(0).path("journalIndex").asLong() + 1);
    }

    @Test
    void huntsAndActorsAreReadThroughTheRing()
    {
        server.post(createHunt(3001, 301, "plaza"));
        server.post(join(3002, 301, 3101));
        final JsonNode hunt = server.get("/v1/hunts/301").json();
        assertThat(hunt.path("huntId").asLong()).isEqualTo(301);
        assertThat(hunt.path("map").asText()).isEqualTo("plaza");
        assertThat(hunt.path("actors").asInt()).isEqualTo(1);
        assertThat(hunt.path("treasures").asInt()).isEqualTo(8);
        final JsonNode actor = server.get("/v1/actors/3101").json();
        assertThat(actor.path("huntId").asLong()).isEqualTo(301);
        assertThat(actor.has("x")).isTrue();
        assertThat(actor.path("inventory").isArray()).isTrue();

        final TestServer.Answer noHunt = server.get("/v1/hunts/999999");
        assertThat(noHunt.status()).isEqualTo(404);
        assertThat(noHunt.errorCode()).isEqualTo("UNKNOWN_HUNT");
        final TestServer.Answer noActor = server.get("/v1/actors/999999");
        assertThat(noActor.status()).isEqualTo(404);
        assertThat(noActor.errorCode()).isEqualTo("UNKNOWN_ACTOR");
        final TestServer.Answer badId = server.get("/v1/actors/seven");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(badId.json().path("error").path("field").asText()).isEqualTo("id");
    }

    @Test
    void stateHashIsWhatReplayOfTheJournalGives()
    {
        server.post(createHunt(4001, 401, "arena"));
        server.post("[" + join(4002, 401, 4101) + ",{\"type\":\"travel\",\"cmdId\":4003,\"actorId\":4101,\"x\":5,\"y\":5}]");
        final JsonNode state = server.get("/v1/state").json();
        final ReplayResult replay = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE)
            .replay(server.journal, null);
        assertThat(state.path("stateHash").asText()).matches("[0-9a-f]{16}").isEqualTo(Hash64.hex(replay.stateHash()));
        assertThat(state.path("commands").asLong()).isEqualTo(replay.commands());
        assertThat(state.path("journalIndex").asLong()).isEqualTo(replay.commands() - 1);
    }

    @Test
    void aRepeatedCmdIdIsJournaledButNotAppliedAgain()
    {
        server.post(createHunt(5001, 501, "plaza"));
        final String joinOnce = join(5002, 501, 5101);
        final JsonNode first = server.post(joinOnce).json();
        assertThat(first.path("code").asText()).isEqualTo("ACCEPTED");
        final String actorBefore = server.get("/v1/actors/5101").body();
        final String huntBefore = server.get("/v1/hunts/501").body();
        final String hashBefore = server.get("/v1/state").json().path("stateHash").asText();
        final int journalBefore = server.journalEntries().size();

        final JsonNode again = server.post(joinOnce).json();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("code").asText()).isEqualTo("ACCEPTED");
        assertThat(again.path("events")).isEmpty();
        // Same id, different content (rules 2): 409 with the outcome listed, and nothing applied.
        final TestServer.Answer conflict = server.post(join(5002, 501, 5102));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("code").asText()).isEqualTo("CMD_ID_CONFLICT");
        assertThat(conflict.json().has("duplicate")).isFalse();
        assertThat(server.journalEntries()).hasSize(journalBefore + 2);
        assertThat(server.get("/v1/actors/5101").body()).isEqualTo(actorBefore);
        assertThat(server.get("/v1/hunts/501").body()).isEqualTo(huntBefore);
        assertThat(server.get("/v1/actors/5102").status()).isEqualTo(404);
        assertThat(server.get("/v1/state").json().path("stateHash").asText()).isEqualTo(hashBefore);
        // In a batch, one conflict makes the whole answer 409; the body still lists every outcome.
        final TestServer.Answer batch = server.post("[" + join(5003, 501, 5103) + "," + join(5002, 501, 5104) + "]");
        assertThat(batch.status()).isEqualTo(409);
        assertThat(batch.json()).hasSize(2);
        assertThat(batch.json().get(0).path("code").asText()).isEqualTo("ACCEPTED");
        assertThat(batch.json().get(1).path("code").asText()).isEqualTo("CMD_ID_CONFLICT");
        assertThat(server.get("/v1/actors/5104").status()).isEqualTo(404);
    }

    @Test
    void anInvalidArgumentNamesTheFieldAndItsRange()
    {
        final JsonNode outcome = server.post("{\"type\":\"createHunt\",\"cmdId\":5201,\"huntId\":521,\"map\":\"plaza\","
            + "\"seed\":1,\"treasures\":300,\"durationTicks\":5,\"maxActors\":5}").json();
        assertThat(outcome.path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(outcome.path("message").asText()).isEqualTo("treasures must be 1..256");
    }

    /** body, content type, expected status, error code, field. */
    private static final List<String[]> BAD = List.of(
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1", "application/json", "400", "MALFORMED_JSON", null },
        new String[] { "not json", "application/json", "400", "MALFORMED_JSON", null },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1} {}", "application/json", "400", "MALFORMED_JSON", null },
        new String[] { "", "application/json", "400", "INVALID_BODY", null },
        new String[] { "[]", "application/json", "400", "INVALID_BODY", null },
        new String[] { "[1]", "application/json", "400", "INVALID_BODY", "[0]" },
        new String[] { "\"dig\"", "application/json", "400", "INVALID_BODY", null },
        new String[] { "{\"type\":\"fly\",\"cmdId\":1}", "application/json", "400", "UNKNOWN_TYPE", "type" },
        new String[] { "{\"type\":7,\"cmdId\":1}", "application/json", "400", "WRONG_TYPE", "type" },
        new String[] { "{\"type\":\"tick\",\"cmdId\":1}", "application/json", "400", "TYPE_NOT_ALLOWED", "type" },
        new String[] { "{\"cmdId\":1,\"actorId\":1}", "application/json", "400", "MISSING_FIELD", "type" },
        new String[] { "{\"type\":\"dig\",\"actorId\":1}", "application/json", "400", "MISSING_FIELD", "cmdId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1}", "application/json", "400", "MISSING_FIELD", "actorId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"x\":3}", "application/json", "400", "UNKNOWN_FIELD", "x" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"color\":\"red\"}", "application/json", "400", "UNKNOWN_FIELD", "color" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1,\"actorId\":2}", "application/json", "400", "DUPLICATE_FIELD", "actorId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":\"1\"}", "application/json", "400", "WRONG_TYPE", "actorId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":null}", "application/json", "400", "WRONG_TYPE", "actorId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":{}}", "application/json", "400", "WRONG_TYPE", "actorId" },
        new String[] { "{\"type\":\"travel\",\"cmdId\":1,\"actorId\":1,\"x\":1.5,\"y\":2}", "application/json", "400", "WRONG_TYPE", "x" },
        new String[] { "{\"type\":\"travel\",\"cmdId\":1,\"actorId\":1,\"x\":2147483648,\"y\":2}", "application/json", "400", "OUT_OF_RANGE", "x" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":18446744073709551616,\"actorId\":1}", "application/json", "400", "OUT_OF_RANGE", "cmdId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":-1,\"actorId\":1}", "application/json", "400", "OUT_OF_RANGE", "cmdId" },
        new String[] { "{\"type\":\"useItem\",\"cmdId\":1,\"actorId\":1,\"slot\":256}", "application/json", "400", "OUT_OF_RANGE", "slot" },
        new String[] { "{\"type\":\"useItem\",\"cmdId\":1,\"actorId\":1,\"slot\":-1}", "application/json", "400", "OUT_OF_RANGE", "slot" },
        new String[] { "{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":1,\"map\":\"plaza\",\"seed\":1,\"treasures\":-1,\"durationTicks\":5,\"maxActors\":5}",
            "application/json", "400", "OUT_OF_RANGE", "treasures" },
        new String[] { "{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":1,\"map\":\"" + "m".repeat(65) + "\",\"seed\":1,\"treasures\":1,\"durationTicks\":5,\"maxActors\":5}",
            "application/json", "400", "OUT_OF_RANGE", "map" },
        new String[] { "{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":1,\"map\":\"a b\",\"seed\":1,\"treasures\":1,\"durationTicks\":5,\"maxActors\":5}",
            "application/json", "400", "OUT_OF_RANGE", "map" },
        new String[] { "{\"type\":\"createHunt\",\"cmdId\":1,\"huntId\":1,\"map\":\"caf\u00e9\",\"seed\":1,\"treasures\":1,\"durationTicks\":5,\"maxActors\":5}",
            "application/json", "400", "OUT_OF_RANGE", "map" },
        new String[] { "{\"type\":\"move\",\"cmdId\":1,\"actorId\":1,\"dir\":\"UP\"}", "application/json", "400", "OUT_OF_RANGE", "dir" },
        new String[] { "{\"type\":\"move\",\"cmdId\":1,\"actorId\":1,\"dir\":2}", "application/json", "400", "WRONG_TYPE", "dir" },
        new String[] { "[{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1},{\"type\":\"dig\",\"actorId\":1}]", "application/json", "400", "MISSING_FIELD", "[1].cmdId" },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1}", "text/plain", "415", "UNSUPPORTED_MEDIA_TYPE", null },
        new String[] { "{\"type\":\"dig\",\"cmdId\":1,\"actorId\":1}", null, "415", "UNSUPPORTED_MEDIA_TYPE", null });

    @Test
    void badBodiesAreRefusedWithTheErrorShapeAndNeverJournaled()
    {
        final int journalBefore = server.journalEntries().size();
        for (final String[] bad : BAD)
        {
            final HttpRequest.Builder b = server.request("/v1/commands").POST(HttpRequest.BodyPublishers.ofString(bad[0]));
            if (bad[1] != null)
            {
                b.header("Content-Type", bad[1]);
            }
            final TestServer.Answer a = server.send(b.build());
            final String what = "body " + bad[0].substring(0, Math.min(80, bad[0].length())) + " -> " + a.body();
            assertThat(a.status()).as(what).isEqualTo(Integer.parseInt(bad[2]));
            final JsonNode error = a.json().path("error");
            assertThat(error.path("code").asText()).as(what).isEqualTo(bad[3]);
            assertThat(error.path("message").asText()).as(what).isNotEmpty();
            assertThat(error.has("field")).as(what).isTrue();
            assertThat(error.path("field").isNull() ? null : error.path("field").asText()).as(what).isEqualTo(bad[4]);
        }
        assertThat(server.journalEntries()).hasSize(journalBefore);
    }

    @Test
    void oversizedBodiesAndBatchesAreRefused()
    {
        final int journalBefore = server.journalEntries().size();
        // A declared length over the limit is refused before the body is read (raw socket: the JDK 17
        // client cannot take a final answer to Expect: 100-continue).
        final String tooLarge = RawHttp.exchange(server.service.port(), "POST /v1/commands HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + ((1 << 20) + 1) + "\r\n\r\n[{\"type\":");
        assertThat(tooLarge).startsWith("HTTP/1.1 413 ").contains("\"code\":\"BODY_TOO_LARGE\"");

        final StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++)
        {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"dig\",\"cmdId\":").append(900_000 + i).append(",\"actorId\":1}");
        }
        final TestServer.Answer tooMany = server.post(many.append(']').toString());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_COMMANDS");
        assertThat(server.journalEntries()).hasSize(journalBefore);
    }

    @Test
    void unknownPathsAndMethods()
    {
        final TestServer.Answer missing = server.get("/v2/commands");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(server.get("/v1/hunts/1/actors").status()).isEqualTo(404);

        final TestServer.Answer getCommands = server.get("/v1/commands");
        assertThat(getCommands.status()).isEqualTo(405);
        assertThat(getCommands.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(getCommands.header("allow")).isEqualTo("POST");
        final TestServer.Answer deleteState = server.send(server.request("/v1/state").DELETE().build());
        assertThat(deleteState.status()).isEqualTo(405);
        assertThat(deleteState.header("allow")).isEqualTo("GET");
    }

    @Test
    void metricsArePrometheusText()
    {
        server.post(createHunt(6001, 601, "plaza"));
        server.post("{\"type\":\"dig\",\"cmdId\":6002,\"actorId\":424242}");
        final TestServer.Answer a = server.get("/metrics");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).startsWith("text/plain");
        assertThat(a.body())
            .contains("# TYPE hytrix_commands_total counter")
            .containsPattern("hytrix_commands_total\\{code=\"ACCEPTED\"} [1-9]")
            .containsPattern("hytrix_rejections_total\\{code=\"UNKNOWN_ACTOR\"} [1-9]")
            .contains("hytrix_ring_remaining_capacity ")
            .contains("hytrix_command_latency_seconds_bucket{le=\"+Inf\"}")
            .contains("hytrix_command_latency_seconds_count ")
            .contains("hytrix_path_cache_hits_total ")
            .contains("hytrix_path_cache_misses_total ")
            .contains("hytrix_path_cache_evictions_total ")
            .containsPattern("hytrix_journal_bytes_total [1-9]")
            .contains("jvm_gc_collections_total{")
            .contains("jvm_gc_collection_seconds_total{");
    }

    @Test
    void theEventStreamCarriesLiveEventsOfItsHunt() throws Exception
    {
        server.post(createHunt(7001, 701, "plaza"));
        server.post(createHunt(7002, 702, "plaza"));
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        try (Socket socket = new Socket("127.0.0.1", server.service.port()))
        {
            final OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/events?hunt=701 HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            final Thread reader = new Thread(() ->
            {
                try
                {
                    for (String line; (line = in.readLine()) != null; )
                    {
                        lines.add(line);
                    }
                }
                catch (final java.io.IOException ignored)
                {
                    // the test closed the socket
                }
            });
            reader.setDaemon(true);
            reader.start();
            TestServer.await("the stream's headers", 10, () -> lines.stream().anyMatch(l -> l.startsWith(": events of hunt 701")));
            assertThat(lines.peek()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(lines).anyMatch(l -> l.equalsIgnoreCase("content-type: text/event-stream"));

            server.post(join(7003, 702, 7102)); // another hunt: not on this stream
            server.post(join(7004, 701, 7101));
            TestServer.await("the actorJoined event", 10, () -> lines.contains("event: actorJoined"));
            assertThat(lines).anyMatch(l -> l.startsWith("data: {\"type\":\"actorJoined\",\"huntId\":701,\"actorId\":7101"));
            assertThat(lines).noneMatch(l -> l.contains("\"actorId\":7102"));
            // Every payload is one JSON object a real parser takes.
            lines.stream().filter(l -> l.startsWith("data: ")).forEach(l -> TestServer.parse(l.substring(6)));
        }
        // The server notices the departure; the stream count drops back.
        TestServer.await("the subscriber to leave", 10,
            () -> server.get("/metrics").body().contains("hytrix_sse_subscribers 0"));
    }

    @Test
    void theOpenApiDocumentIsServed()
    {
        final TestServer.Answer a = server.get("/openapi.yaml");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).startsWith("openapi: 3").contains("/v1/commands");
    }
}
