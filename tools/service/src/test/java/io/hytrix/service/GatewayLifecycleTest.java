package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.util.Hash64;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock, the orderly stop and the restart: the journal is the truth throughout. */
class GatewayLifecycleTest
{
    @TempDir
    Path dir;

    @Test
    void stopDrainsAndReportsWhatReplayGivesAndARestartResumes()
    {
        final Path journal = dir.resolve("journal");
        final ShutdownSummary first;
        try (TestServer server = new TestServer(ServiceSettings.journalingTo(journal).withNode(node -> node.withTickHz(50))))
        {
            server.post(TestServer.createHunt(1, 1, "plaza"));
            server.post("[" + TestServer.join(2, 1, 10) + "," + TestServer.join(3, 1, 11) + "]");
            TestServer.await("ticks to advance the hunt", 20,
                () -> server.get("/v1/hunts/1").json().path("tick").asInt() >= 3);
            first = server.service.stop();
            assertThat(server.service.stop()).isEqualTo(first); // idempotent
        }
        final ReplayResult replay = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null);
        assertThat(first.stateHash()).isEqualTo(replay.stateHash());
        assertThat(first.commands()).isEqualTo(replay.commands());
        assertThat(first.lastLine()).isEqualTo("stateHash=" + Hash64.hex(replay.stateHash()) + " commands=" + replay.commands());

        long ticks = 0;
        long lastTickId = 0;
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal))
        {
            final CommandEvent cmd = new CommandEvent();
            while (source.next(cmd))
            {
                if (cmd.type == CommandType.TICK)
                {
                    ticks++;
                    assertThat(cmd.cmdId).isLessThan(lastTickId); // the clock's own descending sequence
                    lastTickId = cmd.cmdId;
                }
            }
        }
        assertThat(ticks).isGreaterThanOrEqualTo(3);

        // A restart recovers the journal into the engine: same state, and the idempotency window survives.
        try (TestServer again = TestServer.quiet(journal))
        {
            assertThat(again.service.recoveredCommands()).isEqualTo(first.commands());
            assertThat(again.get("/v1/state").json().path("stateHash").asText()).isEqualTo(Hash64.hex(first.stateHash()));
            assertThat(again.post(TestServer.join(2, 1, 10)).json().path("duplicate").asBoolean()).isTrue();
            assertThat(again.get("/v1/actors/11").status()).isEqualTo(200);
        }
    }
}
