package io.hytrix.journal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.journal.Hostile;
import io.hytrix.journal.Hostile.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots are files a crash, a full disk or another build may have left behind, and recovery reads
 * the newest one before anything else. {@link SnapshotStore#read} must return a checked snapshot or
 * refuse the file with a {@link CorruptSnapshotException}; {@link StateSnapshot#restore} must restore
 * a payload or refuse it with an IOException (damaged layout) or an IllegalStateException (a snapshot
 * that does not fit this engine), each with a message. The payload property feeds restore directly,
 * as if the damage had happened before the CRC was computed (a bug in the writer, another build), and
 * so reaches every count and length field of the layout.
 *
 * <p>The valid inputs are eight states taken at different points of a matchmaker run over two small
 * maps, so hunts, actors mid-travel, inventories, effects and the idempotency window are all present.
 * Tries: 500 files (one file write each) and 800 payloads (a fresh handler each, the costly part:
 * its pools are built for 1,024 hunts and 65,536 actors); fixed seeds, printed by jqwik on a failure.
 */
class SnapshotPropertyTest
{
    /** A small window, so a fresh handler per try is cheap; snapshots carry and check its size. */
    private static final int WINDOW = 64;
    private static final List<GridMap> MAPS = List.of(map("rooms", 24, 16), map("maze", 13, 13));
    private static final MapCatalog CATALOG = (name, length) ->
    {
        final String wanted = new String(name, 0, length, StandardCharsets.US_ASCII);
        return MAPS.stream().filter(m -> m.name().equals(wanted)).findFirst().orElse(null);
    };
    private static final List<byte[]> PAYLOADS = validPayloads();

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException
    {
        dir = Files.createTempDirectory("hostile-snapshots");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 500, seed = "20260103")
    void everySnapshotFileIsReadOrRefused(@ForAll("files") final byte[] bytes) throws IOException
    {
        final Path file = dir.resolve("snapshot-0000000000000000001.hsnap");
        Files.write(file, bytes);
        final GameHandler fresh = fresh();
        final Outcome outcome = Hostile.decodeOrRefuse(() ->
        {
            final SnapshotStore.Snapshot snapshot = SnapshotStore.read(file);
            // A file that passes its length and CRC holds what the writer wrote: it restores.
            StateSnapshot.restore(fresh, snapshot.payload());
        }, CorruptSnapshotException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 5);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 50);
        });
    }

    @Property(tries = 800, seed = "20260104")
    void everyPayloadIsRestoredOrRefused(@ForAll("payloads") final byte[] payload)
    {
        final GameHandler fresh = fresh();
        final Outcome outcome = Hostile.decodeOrRefuse(() ->
        {
            StateSnapshot.restore(fresh, payload);
            // What was restored is a state the engine can hash and write out again, and what it writes
            // restores to the same state.
            final GameHandler again = fresh();
            StateSnapshot.restore(again, StateSnapshot.capture(fresh));
            assertThat(again.stateHash()).isEqualTo(fresh.stateHash());
        }, IOException.class, IllegalStateException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 5);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 30);
        });
    }

    @Provide
    Arbitrary<byte[]> files()
    {
        final Arbitrary<byte[]> valid = Arbitraries.of(PAYLOADS).map(SnapshotPropertyTest::file);
        return Hostile.bytes(valid, List.of("HYTXSNAP".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1}), 256);
    }

    @Provide
    Arbitrary<byte[]> payloads()
    {
        return Hostile.bytes(Arbitraries.of(PAYLOADS), List.of(new byte[] {0, 2}, new byte[] {0, 0, 0, 0},
            new byte[] {0x7f, (byte)0xff, (byte)0xff, (byte)0xff}, new byte[] {5, 'r', 'o', 'o', 'm', 's'}), 512);
    }

    private static GameHandler fresh()
    {
        return new GameHandler(CATALOG, new PathCache(64, 1 << 14, new AStarPathfinder()), EngineListener.NONE, WINDOW);
    }

    /** The file {@link SnapshotStore#write} makes, built in memory. */
    private static byte[] file(final byte[] payload)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(8 + 2 + 8 + 4 + payload.length + 4);
        buffer.put("HYTXSNAP".getBytes(StandardCharsets.US_ASCII)).putShort((short)1).putLong(1).putInt(payload.length)
            .put(payload);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int)crc.getValue());
        return buffer.array();
    }

    private static List<byte[]> validPayloads()
    {
        final GameHandler handler = fresh();
        final MatchmakerScript script = new MatchmakerScript(5, 40, 10, 60, 12, MAPS.toArray(new GridMap[0]));
        final CommandEvent cmd = new CommandEvent();
        final List<byte[]> payloads = new ArrayList<>();
        payloads.add(StateSnapshot.capture(handler));
        for (int i = 1; i <= 1400; i++)
        {
            script.next(cmd);
            cmd.journalIndex = i - 1;
            handler.apply(cmd);
            if (i % 200 == 0)
            {
                payloads.add(StateSnapshot.capture(handler));
            }
        }
        return payloads;
    }

    /** Rooms: walls on every fourth row and column with a gap in each, so paths turn and some tiles are blocked. */
    private static GridMap map(final String name, final int width, final int height)
    {
        final boolean[] passable = new boolean[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                final boolean wall = (x % 4 == 3 && y % 5 != 2) || (y % 4 == 3 && x % 6 != 1);
                passable[y * width + x] = !wall;
            }
        }
        return new GridMap(name, width, height, passable);
    }
}
