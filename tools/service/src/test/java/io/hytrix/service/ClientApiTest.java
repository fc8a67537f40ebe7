package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.game.GameHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client reads besides its commands' answers: the maps and their tiles, and the node's counters. */
class ClientApiTest
{
    @TempDir
    Path dir;

    @Test
    void theMapsAreListedAndEachMapsTilesReadAsTheyAreOnDisk() throws IOException
    {
        try (TestServer server = TestServer.quiet(dir.resolve("journal")))
        {
            final JsonNode maps = server.get("/v1/maps").json().path("maps");
            assertThat(maps.size()).isGreaterThanOrEqualTo(9);
            JsonNode plaza = null;
            for (final JsonNode map : maps)
            {
                if ("plaza".equals(map.path("name").asText()))
                {
                    plaza = map;
                }
            }
            assertThat(plaza).as("plaza is listed").isNotNull();

            final JsonNode tiles = server.get("/v1/maps/plaza").json();
            assertThat(tiles.path("width").asInt()).isEqualTo(plaza.path("width").asInt());
            assertThat(tiles.path("rows").size()).isEqualTo(plaza.path("height").asInt());
            final String[] lines = shippedRows("plaza");
            for (int y = 0; y < lines.length; y++)
            {
                final String expected = lines[y].replaceAll("[.GS]", ".").replaceAll("[^.]", "@");
                assertThat(tiles.path("rows").get(y).asText()).as("row " + y).isEqualTo(expected);
            }
            long passable = 0;
            for (final JsonNode row : tiles.path("rows"))
            {
                passable += row.asText().chars().filter(c -> c == '.').count();
            }
            assertThat(passable).isEqualTo(plaza.path("passable").asLong());

            final TestServer.Answer unknown = server.get("/v1/maps/atlantis");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("UNKNOWN_MAP");
            assertThat(server.get("/v1/maps/..%2Fpom.xml").status()).isEqualTo(404);
        }
    }

    @Test
    void metricsCountCommandsByTypeAndShowRunningHuntsAndActors()
    {
        try (TestServer server = TestServer.quiet(dir.resolve("journal")))
        {
            server.post(TestServer.createHunt(1, 1, "plaza"));
            server.post("[" + TestServer.join(2, 1, 10) + "," + TestServer.join(3, 1, 11) + "]");
            final String metrics = server.get("/metrics").body();
            assertThat(metrics).contains("hytrix_commands_by_type_total{type=\"createHunt\"} 1")
                .contains("hytrix_commands_by_type_total{type=\"joinHunt\"} 2")
                .contains("hytrix_hunts_running 1").contains("hytrix_actors 2");
        }
    }

    @Test
    void theApiDocumentStatesTheRealIdempotencyWindow()
    {
        final String openApi = new String(OpenApi.bytes(), StandardCharsets.UTF_8);
        assertThat(openApi).contains(String.format(java.util.Locale.ROOT, "the last %,d", GameHandler.DEFAULT_IDEMPOTENCY_WINDOW));
    }

    private static String[] shippedRows(final String name) throws IOException
    {
        try (InputStream in = io.hytrix.replay.ShippedMaps.class.getResourceAsStream("/io/hytrix/maps/" + name + ".map"))
        {
            final String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\r?\n");
            int start = 0;
            while (!"map".equals(lines[start].trim()))
            {
                start++;
            }
            return java.util.Arrays.copyOfRange(lines, start + 1, lines.length);
        }
    }
}
