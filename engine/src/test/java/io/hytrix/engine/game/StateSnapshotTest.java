package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot + the rest of the commands must equal the whole run: same hash, same events. */
class StateSnapshotTest
{
    private final Map<String, GridMap> maps = DeterminismTest.realMaps();
    private final MapCatalog catalog = (name, length) -> maps.get(new String(name, 0, length));

    @Test
    void restoringASnapshotAndContinuingEqualsTheUninterruptedRun() throws IOException
    {
        final int cut = 12_345;
        final CommandEvent[] commands = commands(20_000);
        final DeterminismTest.Run wholeAfterCut = new DeterminismTest.Run(cut);
        final GameHandler uninterrupted = new GameHandler(catalog, new PathCache(4096, 1 << 20, new AStarPathfinder()),
            wholeAfterCut);
        for (int i = 0; i < cut; i++)
        {
            uninterrupted.apply(commands[i]);
        }
        final byte[] snapshot = snapshot(uninterrupted);

        // Restored with a one-entry path cache: travelling actors recompute their paths, identically.
        final DeterminismTest.Run tail = new DeterminismTest.Run();
        final GameHandler restored = new GameHandler(catalog, new PathCache(1, 1 << 16, new AStarPathfinder()), tail);
        StateSnapshot.read(restored, new DataInputStream(new ByteArrayInputStream(snapshot)));
        assertThat(restored.stateHash()).isEqualTo(uninterrupted.stateHash());
        assertThat(restored.commands()).isEqualTo(cut);
        assertThat(restored.events()).isEqualTo(uninterrupted.events());
        assertThat(restored.lastJournalIndex()).isEqualTo(cut - 1);
        assertThat(restored.ticks()).isPositive().isEqualTo(uninterrupted.ticks());
        assertThat(snapshot(restored)).isEqualTo(snapshot);

        for (int i = cut; i < commands.length; i++)
        {
            uninterrupted.apply(commands[i]);
            restored.apply(commands[i]);
        }
        assertThat(tail.events).isGreaterThan(1000).isEqualTo(wholeAfterCut.events);
        assertThat(tail.digest.value()).isEqualTo(wholeAfterCut.digest.value());
        assertThat(restored.stateHash()).isEqualTo(uninterrupted.stateHash());
        assertThat(restored.commands()).isEqualTo(commands.length);
    }

    @Test
    void truncatedOrMismatchedSnapshotsAreRefused() throws IOException
    {
        final CommandEvent[] commands = commands(3_000);
        final GameHandler handler = new GameHandler(catalog, new PathCache(64, 1 << 16, new AStarPathfinder()),
            EngineListener.NONE);
        for (final CommandEvent cmd : commands)
        {
            handler.apply(cmd);
        }
        final byte[] snapshot = snapshot(handler);
        assertThatThrownBy(() -> StateSnapshot.read(fresh(GameHandler.DEFAULT_IDEMPOTENCY_WINDOW),
            new DataInputStream(new ByteArrayInputStream(Arrays.copyOf(snapshot, snapshot.length / 2)))))
            .isInstanceOf(EOFException.class).hasMessage("snapshot is truncated: it ends before its last field");
        assertThatThrownBy(() -> StateSnapshot.read(fresh(16), new DataInputStream(new ByteArrayInputStream(snapshot))))
            .hasMessageContaining("idempotency window of " + GameHandler.DEFAULT_IDEMPOTENCY_WINDOW + " commands, this engine has 16");
        final byte[] future = snapshot.clone();
        future[1] = 9;
        assertThatThrownBy(() -> StateSnapshot.read(fresh(GameHandler.DEFAULT_IDEMPOTENCY_WINDOW),
            new DataInputStream(new ByteArrayInputStream(future)))).hasMessageContaining("snapshot version 9");
        assertThatThrownBy(() -> StateSnapshot.read(handler, new DataInputStream(new ByteArrayInputStream(snapshot))))
            .hasMessageContaining("fresh handler");
    }

    /**
     * Regressions found by the snapshot properties (journal module, SnapshotPropertyTest): each of these
     * payloads used to escape restore as something other than a refusal.
     */
    @Test
    void damagedCountsAndIdsAreRefusedWithAMessage() throws IOException
    {
        final GameHandler handler = new GameHandler(catalog, new PathCache(64, 1 << 16, new AStarPathfinder()),
            EngineListener.NONE);
        for (final CommandEvent cmd : commands(3_000))
        {
            handler.apply(cmd);
        }
        final byte[] snapshot = snapshot(handler);
        // u16 version, six i64 counters, i32 hunt count, then the first hunt: i64 id, u8 name length, the name,
        // i64 seed, i64 rng, i32 duration, i32 maxActors, i32 tick, i32 treasure count.
        final int name = 2 + 6 * 8 + 4 + 8;
        final int maxActors = name + 1 + snapshot[name] + 8 + 8 + 4;
        final int treasures = maxActors + 4 + 4 + 1; // version 3: u8 rules after the tick

        // maxActors sized an int[] before it was checked: 2^31 - 1 asked for an 8 GB array (OutOfMemoryError).
        assertRefused(withInt(snapshot, maxActors, Integer.MAX_VALUE), "maxActors is 2147483647, outside 1..4096");
        // 257 treasures overran the hunt's 256-entry arrays (ArrayIndexOutOfBoundsException).
        assertRefused(withInt(snapshot, treasures, 257), "treasure count is 257, outside 1..256");
        // An unknown result code in the idempotency window reached record(null) (NullPointerException).
        final byte[] badResult = snapshot.clone();
        badResult[badResult.length - 1 - 8] = (byte)0xEE; // version 3: an i64 field digest follows the code
        assertRefused(badResult, "has unknown result code 238");
    }

    private void assertRefused(final byte[] payload, final String message)
    {
        assertThatThrownBy(() -> StateSnapshot.restore(fresh(GameHandler.DEFAULT_IDEMPOTENCY_WINDOW), payload))
            .isExactlyInstanceOf(IOException.class).hasMessageStartingWith("corrupt snapshot: ").hasMessageContaining(message);
    }

    private static byte[] withInt(final byte[] bytes, final int at, final int value)
    {
        final byte[] copy = bytes.clone();
        java.nio.ByteBuffer.wrap(copy).putInt(at, value);
        return copy;
    }

    private GameHandler fresh(final int window)
    {
        return new GameHandler(catalog, new PathCache(64, 1 << 16, new AStarPathfinder()), EngineListener.NONE, window);
    }

    private CommandEvent[] commands(final int n)
    {
        final MatchmakerScript script = DeterminismTest.script(11, maps);
        final CommandEvent[] commands = new CommandEvent[n];
        for (int i = 0; i < n; i++)
        {
            commands[i] = new CommandEvent();
            script.next(commands[i]);
            commands[i].journalIndex = i;
        }
        return commands;
    }

    private static byte[] snapshot(final GameHandler handler) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateSnapshot.write(handler, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
