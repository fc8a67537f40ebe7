package io.hytrix.engine.game;

import io.hytrix.engine.command.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of state change shows in its own subsystem's hash, and only there. */
class SubsystemHashesTest
{
    private GameFixture game;

    @BeforeEach
    void twoActorsOneTravelling()
    {
        game = new GameFixture();
        assertThat(game.createHunt(1, "field", 7, 3, 500, 4)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.join(1, 10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.join(1, 11)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.travel(10, 7, 5)).isEqualTo(ResultCode.ACCEPTED);
        game.tick();
    }

    @Test
    void eachChangeIsNamedByItsSubsystemAlone()
    {
        assertThat(changed(a -> a.tile ^= 1, 11)).containsExactly(Subsystem.ACTORS_AND_TILES);
        assertThat(changed(a -> a.score += 1, 11)).containsExactly(Subsystem.ACTORS_AND_TILES);
        assertThat(changed(a -> a.itemType[3] = ItemType.BOOTS.id(), 11)).containsExactly(Subsystem.INVENTORIES);
        assertThat(changed(a -> a.itemQuantity[0] += 1, 11)).containsExactly(Subsystem.INVENTORIES);
        assertThat(changed(a -> a.effectExpiresAt[1] = 99, 11)).containsExactly(Subsystem.EFFECTS);
        assertThat(changed(a -> a.pathStep += 1, 10)).containsExactly(Subsystem.PATH_CURSORS);
        assertThat(changed(a -> a.travelling = true, 11)).containsExactly(Subsystem.PATH_CURSORS);
    }

    @Test
    void huntsAndTheIdempotencyWindowHaveTheirOwnHashes()
    {
        final SubsystemHashes before = hashes();
        final Hunt hunt = game.state().hunt(1);
        hunt.treasureDug[0] = !hunt.treasureDug[0];
        assertThat(differing(before, hashes())).containsExactly(Subsystem.HUNTS);
        hunt.treasureDug[0] = !hunt.treasureDug[0];

        game.handler.idempotencyWindow().record(123_456, ResultCode.NO_TREASURE);
        assertThat(differing(before, hashes())).containsExactly(Subsystem.IDEMPOTENCY);
    }

    @Test
    void aValueMovedFromOneActorToAnotherStillDiffers()
    {
        final SubsystemHashes before = hashes();
        final Actor a = game.actor(10);
        final Actor b = game.actor(11);
        final int tile = a.tile;
        a.tile = b.tile;
        b.tile = tile;
        assertThat(differing(before, hashes())).containsExactly(Subsystem.ACTORS_AND_TILES);
    }

    @Test
    void theHandlerReportsChecksumsAfterEveryNthTickNumberedFromTheJournalStart()
    {
        final GameFixture fixture = new GameFixture();
        fixture.handler.checksumEveryTicks(3);
        fixture.createHunt(1, "field", 7, 3, 500, 4);
        for (int i = 0; i < 7; i++)
        {
            fixture.tick();
        }
        assertThat(fixture.checksums).extracting(line -> line.substring(0, line.indexOf(':')))
            .containsExactly("tick 3", "tick 6");
        assertThat(fixture.handler.ticks()).isEqualTo(7);
        fixture.join(1, 5);
        assertThat(fixture.cmd.tick).as("a command after 7 ticks").isEqualTo(7);

        fixture.handler.checksumEveryTicks(0);
        fixture.tick();
        fixture.tick();
        assertThat(fixture.checksums).hasSize(2);
        assertThatThrownBy(() -> fixture.handler.checksumEveryTicks(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
    }

    @Test
    void checksumsDoNotDependOnThePathCacheSize()
    {
        final List<List<String>> runs = new ArrayList<>();
        for (final int entries : new int[] { 1, 1024 })
        {
            final GameFixture fixture = new GameFixture(new io.hytrix.engine.path.PathCache(entries, 1 << 16,
                new io.hytrix.engine.path.AStarPathfinder()));
            fixture.handler.checksumEveryTicks(1);
            fixture.createHunt(1, "field", 7, 3, 500, 4);
            fixture.join(1, 10);
            fixture.join(1, 11);
            fixture.travel(10, 7, 5);
            fixture.travel(11, 0, 5);
            for (int i = 0; i < 12; i++)
            {
                fixture.tick();
            }
            runs.add(fixture.checksums);
        }
        assertThat(runs.get(0)).hasSize(12).isEqualTo(runs.get(1));
    }

    private Set<Subsystem> changed(final Consumer<Actor> change, final long actorId)
    {
        final Actor actor = game.actor(actorId);
        final byte[] snapshot = snapshot();
        final SubsystemHashes before = hashes();
        change.accept(actor);
        final Set<Subsystem> differing = differing(before, hashes());
        game = restore(snapshot);
        return differing;
    }

    private SubsystemHashes hashes()
    {
        return new SubsystemHashes().compute(game.state(), game.handler.idempotencyWindow());
    }

    private static Set<Subsystem> differing(final SubsystemHashes a, final SubsystemHashes b)
    {
        final Set<Subsystem> differ = EnumSet.noneOf(Subsystem.class);
        for (final Subsystem s : Subsystem.all())
        {
            if (a.value(s) != b.value(s))
            {
                differ.add(s);
            }
        }
        return differ;
    }

    private byte[] snapshot()
    {
        try
        {
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            StateSnapshot.write(game.handler, new java.io.DataOutputStream(bytes));
            return bytes.toByteArray();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static GameFixture restore(final byte[] snapshot)
    {
        final GameFixture fresh = new GameFixture();
        try
        {
            StateSnapshot.read(fresh.handler, new java.io.DataInputStream(new java.io.ByteArrayInputStream(snapshot)));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return fresh;
    }
}
