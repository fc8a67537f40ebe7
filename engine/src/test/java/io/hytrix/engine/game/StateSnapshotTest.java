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
            .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> StateSnapshot.read(fresh(16), new DataInputStream(new ByteArrayInputStream(snapshot))))
            .hasMessageContaining("idempotency window of " + GameHandler.DEFAULT_IDEMPOTENCY_WINDOW + " commands, this engine has 16");
        final byte[] future = snapshot.clone();
        future[1] = 9;
        assertThatThrownBy(() -> StateSnapshot.read(fresh(GameHandler.DEFAULT_IDEMPOTENCY_WINDOW),
            new DataInputStream(new ByteArrayInputStream(future)))).hasMessageContaining("snapshot version 9");
        assertThatThrownBy(() -> StateSnapshot.read(handler, new DataInputStream(new ByteArrayInputStream(snapshot))))
            .hasMessageContaining("fresh handler");
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
