package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.Actor;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.Hunt;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.codec.CommandJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers with nested and optional parts (an actor's inventory and active effects, revealed
 * treasures, the events a stream carries) must be JSON a real parser takes. An actor is walked to
 * its treasures with moves planned on a local handler fed the same commands (the service is
 * deterministic and this one has no clock), so the test reaches those states without waiting.
 */
class GatewayAnswerShapesTest
{
    private static final long HUNT = 81;
    private static final long ACTOR = 8101;

    @TempDir
    Path dir;

    private final GameHandler local = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
    private final CommandEvent cmd = new CommandEvent();
    private long nextCmdId = 80_000;
    private long nextTickId = -1;

    @Test
    void actorsWithItemsAndEffectsAndTheirEventsAreValidJson() throws Exception
    {
        try (TestServer server = TestServer.quiet(dir.resolve("journal"));
            Socket socket = new Socket("127.0.0.1", server.service.port()))
        {
            final ConcurrentLinkedQueue<String> stream = open(socket);
            TestServer.await("the stream to open", 10, () -> stream.stream().anyMatch(l -> l.startsWith(": events of")));

            final long seed = seedWithBootsAndCompass();
            send(server, cmd.createHunt(nextCmdId++, HUNT, "plaza", seed, 8, 100_000, 4));
            send(server, cmd.joinHunt(nextCmdId++, HUNT, ACTOR));
            final Hunt hunt = local.hunt(HUNT);
            digFirst(server, hunt, ItemType.BOOTS);
            digFirst(server, hunt, ItemType.COMPASS);

            final JsonNode carrying = server.get("/v1/actors/" + ACTOR).json();
            assertThat(carrying.path("inventory")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(carrying.path("inventory").get(0).path("slot").asInt()).isEqualTo(0);
            assertThat(carrying.path("effects")).isEmpty();

            final JsonNode speed = use(server, ItemType.BOOTS);
            assertThat(speed.path("events").get(0).path("type").asText()).isEqualTo("effectStarted");
            final JsonNode revealed = use(server, ItemType.COMPASS);
            assertThat(revealed.path("events").get(0).path("type").asText()).isEqualTo("treasureRevealed");
            assertThat(revealed.path("events").get(0).has("x")).isTrue();

            final JsonNode actor = server.get("/v1/actors/" + ACTOR).json();
            assertThat(actor.path("effects")).hasSize(1);
            assertThat(actor.path("effects").get(0).path("effect").asText()).isEqualTo("SPEED");
            assertThat(actor.path("effects").get(0).path("expiresAt").isIntegralNumber()).isTrue();
            assertThat(actor.path("score").asLong()).isEqualTo(local.actor(ACTOR).score());
            assertThat(server.get("/v1/hunts/" + HUNT).json().path("treasuresLeft").asInt()).isEqualTo(hunt.treasuresLeft());
            assertThat(server.get("/v1/state").json().path("stateHash").asText()).matches("[0-9a-f]{16}");

            TestServer.await("the stream to carry the reveal", 10, () -> stream.contains("event: treasureRevealed"));
            final List<String> kinds = new ArrayList<>();
            for (final String line : stream)
            {
                if (line.startsWith("data: "))
                {
                    kinds.add(TestServer.parse(line.substring(6)).path("type").asText());
                }
            }
            assertThat(kinds).contains("actorJoined", "actorMoved", "treasureFound", "effectStarted", "treasureRevealed");
        }
    }

    /** A seed whose plaza hunt hides both boots and a compass among its treasures. */
    private long seedWithBootsAndCompass()
    {
        for (long seed = 1; ; seed++)
        {
            final GameHandler probe = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
            probe.apply(new CommandEvent().createHunt(1, HUNT, "plaza", seed, 8, 100_000, 4));
            final Hunt hunt = probe.hunt(HUNT);
            boolean boots = false;
            boolean compass = false;
            for (int i = 0; i < hunt.treasureCount(); i++)
            {
                boots |= hunt.treasureItem(i) == ItemType.BOOTS;
                compass |= hunt.treasureItem(i) == ItemType.COMPASS;
            }
            if (boots && compass)
            {
                return seed;
            }
        }
    }

    /** Walks the actor to the first undug treasure holding {@code item} and digs it up. */
    private void digFirst(final TestServer server, final Hunt hunt, final ItemType item)
    {
        for (int i = 0; i < hunt.treasureCount(); i++)
        {
            if (hunt.treasureItem(i) == item && !hunt.treasureDug(i))
            {
                for (final Direction step : path(hunt.map(), local.actor(ACTOR).tile(), hunt.treasureTile(i)))
                {
                    send(server, cmd.move(nextCmdId++, ACTOR, step));
                    tick(server); // one tile a tick: the move budget
                }
                send(server, cmd.dig(nextCmdId++, ACTOR));
                return;
            }
        }
        throw new AssertionError("no undug " + item);
    }

    private JsonNode use(final TestServer server, final ItemType item)
    {
        final Actor actor = local.actor(ACTOR);
        for (int slot = 0; ; slot++)
        {
            if (actor.item(slot) == item)
            {
                return send(server, cmd.useItem(nextCmdId++, ACTOR, slot));
            }
        }
    }

    /**
     * Time passes by one tick there and here. Clients cannot post ticks, so this one goes straight into
     * the node's ring; the next request is sequenced after it.
     */
    private void tick(final TestServer server)
    {
        final CommandEvent tick = new CommandEvent().tick(nextTickId--);
        assertThat(server.service.node().gate().publish(tick)).isEqualTo(RingGate.Result.PUBLISHED);
        local.apply(tick);
    }

    /** Applies the command here and posts it there; both must accept it. */
    private JsonNode send(final TestServer server, final CommandEvent command)
    {
        final JsonNode answer = server.post(CommandJsonWriter.toJson(command)).json();
        local.apply(command);
        assertThat(command.result).as(command.toString()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(answer.path("code").asText()).as(command.toString()).isEqualTo("ACCEPTED");
        return answer;
    }

    /** Breadth-first over single steps, as {@code move} takes them. */
    private static List<Direction> path(final GridMap map, final int from, final int to)
    {
        final int[] cameBy = new int[map.tileCount()];
        java.util.Arrays.fill(cameBy, -1);
        final ArrayDeque<Integer> open = new ArrayDeque<>(List.of(from));
        cameBy[from] = Direction.values().length;
        while (!open.isEmpty() && cameBy[to] < 0)
        {
            final int tile = open.poll();
            for (final Direction d : Direction.values())
            {
                final int x = map.x(tile) + d.dx();
                final int y = map.y(tile) + d.dy();
                if (map.inBounds(x, y) && map.canStep(tile, d.dx(), d.dy()) && cameBy[map.tile(x, y)] < 0)
                {
                    cameBy[map.tile(x, y)] = d.id();
                    open.add(map.tile(x, y));
                }
            }
        }
        assertThat(cameBy[to]).as("a path to the treasure").isGreaterThanOrEqualTo(0);
        final ArrayDeque<Direction> steps = new ArrayDeque<>();
        for (int tile = to; tile != from; )
        {
            final Direction d = Direction.fromId(cameBy[tile]);
            steps.addFirst(d);
            tile = map.tile(map.x(tile) - d.dx(), map.y(tile) - d.dy());
        }
        return new ArrayList<>(steps);
    }

    /** Subscribes to every hunt's events; lines arrive in the queue as they come. */
    private static ConcurrentLinkedQueue<String> open(final Socket socket) throws Exception
    {
        final OutputStream out = socket.getOutputStream();
        out.write("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        final Thread reader = new Thread(() ->
        {
            try
            {
                for (String line; (line = in.readLine()) != null; )
                {
                    lines.add(line);
                }
            }
            catch (final java.io.IOException closed)
            {
                // the test closed the socket
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
