package io.hytrix.cli.crash;

import io.hytrix.engine.game.EngineListener;
import io.hytrix.journal.TornWriter;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.service.HttpService;
import io.hytrix.service.ServiceSettings;
import io.hytrix.service.SnapshotSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A journal whose last entry was half-written when its process died: serve recovers what came before and appends after it. */
class TornTailTest
{
    @TempDir
    Path tmp;

    @Test
    void serveRecoversATornTailAndContinuesAfterTheLastCompleteEntry() throws Exception
    {
        final Path journal = tmp.resolve("journal");
        final Path log = tmp.resolve("writer.log");
        TornWriter.write(journal, 20, log);

        final long replayHash = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null).stateHash();
        final ServiceSettings settings = ServiceSettings.journalingTo(journal)
            .withNode(node -> node.withTickHz(0).withSnapshots(s -> SnapshotSettings.NONE.withOnStop(true)))
            .withHttp(http -> http.withAddress("127.0.0.1", 0));
        try (HttpService gateway = HttpService.start(settings))
        {
            assertThat(gateway.recovery().replayed()).isEqualTo(20);
            assertThat(gateway.recoveredCommands()).isEqualTo(20);
            final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            final String answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/v1/commands"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"joinHunt\",\"cmdId\":99,\"huntId\":1,\"actorId\":99}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).contains("\"journalIndex\":20").contains("ACCEPTED");
            final var stopped = gateway.stop();
            assertThat(stopped.commands()).isEqualTo(21);
        }
        final var after = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null);
        assertThat(after.commands()).isEqualTo(21);
        assertThat(replayHash).isNotEqualTo(after.stateHash());
    }
}
