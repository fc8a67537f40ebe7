package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.OutcomeDetail;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.map.TestMaps;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules 2 (move budget, connected placement, cmdId conflicts, negative cmdIds, detailed messages), and
 * that a hunt created under rules 1 keeps the old behaviour whatever the later commands carry.
 */
class RulesVersionTest
{
    private final GameFixture f = new GameFixture();

    /** createHunt on the open "field" map under the given rules, one actor joined at a known tile. */
    private void huntWithActor(final int rules)
    {
        f.cmd.createHunt(f.id(), 1, "field", 7, 3, 1000, 8);
        f.cmd.rules = rules;
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.join(1, 42)).isEqualTo(ResultCode.ACCEPTED);
        final GridMap map = f.state().hunts[f.actor(42).huntSlot].map;
        f.actor(42).tile = map.tile(6, 4); // open all around
    }

    @Test
    void aSecondMoveInOneTickIsOverBudgetAndChangesNothing()
    {
        huntWithActor(2);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        final long world = f.handler.worldHash(); // the window records the rejection; the world is untouched
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.MOVE_BUDGET);
        assertThat(f.events).isEmpty();
        assertThat(f.x(42)).isEqualTo(5);
        assertThat(f.handler.worldHash()).isEqualTo(world);
        f.tick();
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.x(42)).isEqualTo(4);
    }

    @Test
    void speedAllowsTwoTilesPerTick()
    {
        huntWithActor(2);
        final Actor actor = f.actor(42);
        actor.effectType[0] = EffectType.SPEED.id();
        actor.effectExpiresAt[0] = 100;
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.MOVE_BUDGET);
        assertThat(f.x(42)).isEqualTo(4);
    }

    @Test
    void aTravelStepUsesTheTicksBudget()
    {
        huntWithActor(2);
        assertThat(f.travel(42, 0, 4)).isEqualTo(ResultCode.ACCEPTED);
        f.tick(); // one step along the path
        assertThat(f.x(42)).isEqualTo(5);
        assertThat(f.move(42, Direction.N)).isEqualTo(ResultCode.MOVE_BUDGET);
        assertThat(f.actor(42).travelling()).isTrue(); // the refused move did not cancel the travel
        f.tick();
        assertThat(f.move(42, Direction.N)).isEqualTo(ResultCode.MOVE_BUDGET);
    }

    @Test
    void aMoveBeforeTheTicksStepLeavesTheTravelNothingToCancel()
    {
        huntWithActor(2);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.travel(42, 0, 4)).isEqualTo(ResultCode.ACCEPTED); // starting a travel moves nobody
        f.tick(); // a new tick: a new budget for the travel's step
        assertThat(f.x(42)).isEqualTo(4);
    }

    @Test
    void rulesOneHuntsHaveNoMoveBudget()
    {
        huntWithActor(1);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.move(42, Direction.W)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.x(42)).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameFieldsIsADuplicateAndWithOtherFieldsAConflict()
    {
        huntWithActor(2);
        f.cmd.move(500, 42, Direction.W);
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        f.tick();
        f.cmd.move(500, 42, Direction.W);
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.cmd.duplicate).isTrue();
        assertThat(f.x(42)).isEqualTo(5);
        final long hash = f.handler.stateHash();
        f.cmd.move(500, 42, Direction.E);
        assertThat(f.apply()).isEqualTo(ResultCode.CMD_ID_CONFLICT);
        assertThat(f.cmd.duplicate).isFalse();
        assertThat(f.events).isEmpty();
        assertThat(f.x(42)).isEqualTo(5);
        assertThat(f.handler.stateHash()).isEqualTo(hash);
        // The window still holds the original: the same fields are still a duplicate.
        f.cmd.move(500, 42, Direction.W);
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.cmd.duplicate).isTrue();
        // A conflicting joinHunt joins nobody.
        f.cmd.joinHunt(500, 1, 77);
        assertThat(f.apply()).isEqualTo(ResultCode.CMD_ID_CONFLICT);
        assertThat(f.actor(77)).isNull();
    }

    @Test
    void rulesOneHuntsAnswerAnyRetryAsADuplicate()
    {
        huntWithActor(1);
        f.cmd.move(500, 42, Direction.W);
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        f.cmd.move(500, 42, Direction.E); // built by this build (rules 2), but its hunt is rules 1
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(f.cmd.duplicate).isTrue();
        assertThat(f.x(42)).isEqualTo(5);
    }

    @Test
    void negativeCmdIdsAreRefusedUnderRulesTwoOnly()
    {
        huntWithActor(2);
        f.cmd.move(-5, 42, Direction.W);
        assertThat(f.apply()).isEqualTo(ResultCode.NEGATIVE_CMD_ID);
        assertThat(f.x(42)).isEqualTo(6);
        assertThat(f.handler.idempotencyWindow().find(-5)).isNegative();
        f.cmd.tick(-6);
        assertThat(f.apply()).isEqualTo(ResultCode.ACCEPTED);

        final GameFixture old = new GameFixture();
        old.cmd.createHunt(old.id(), 1, "field", 7, 3, 1000, 8);
        old.cmd.rules = 1;
        old.apply();
        old.join(1, 42);
        old.cmd.dig(-5, 42);
        assertThat(old.apply()).isNotEqualTo(ResultCode.NEGATIVE_CMD_ID);
    }

    @Test
    void invalidArgumentsNameTheFieldAndItsRange()
    {
        f.cmd.createHunt(f.id(), 1, "field", 7, 0, 1000, 8);
        assertThat(f.apply()).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).isEqualTo("treasures must be 1..256");
        f.cmd.createHunt(f.id(), 1, "field", 7, 1, 0, 8);
        f.apply();
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).isEqualTo("durationTicks must be 1..100000000");
        f.cmd.createHunt(f.id(), 1, "field", 7, 1, 10, 5000);
        f.apply();
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).isEqualTo("maxActors must be 1..4096");
        huntWithActor(2);
        f.cmd.useItem(f.id(), 42, 9);
        assertThat(f.apply()).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).isEqualTo("slot must be 0..7");
        f.cmd.move(f.id(), 42, null);
        f.apply();
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).contains("dir must be one of");
        f.dig(42);
        assertThat(OutcomeDetail.message(f.cmd.result, f.cmd.detail)).isEqualTo(ResultCode.NO_TREASURE.message());
    }

    @Test
    void onTheIslandsMapEveryTreasureIsReachableFromEverySpawnPoint()
    {
        final GridMap islands = TestMaps.load("islands.map");
        assertThat(islands.regionCount()).isGreaterThan(1);
        final MapCatalog catalog = (name, length) -> islands;
        final AStarPathfinder astar = new AStarPathfinder();
        boolean rulesOneStrandsSome = false;
        for (long seed = 0; seed < 200; seed++)
        {
            for (final int rules : new int[] { 1, 2 })
            {
                final GameFixture g = new GameFixture(catalog, new PathCache(16, 1 << 16, new AStarPathfinder()));
                g.cmd.createHunt(1, 1, "islands", seed, 24, 100, 4);
                g.cmd.rules = rules;
                assertThat(g.apply()).isEqualTo(ResultCode.ACCEPTED);
                final Hunt hunt = g.state().hunts[g.state().huntIndex.get(1)];
                boolean allReachable = true;
                for (int s = 0; s < Rules.SPAWN_POINTS; s++)
                {
                    for (int t = 0; t < hunt.treasureCount; t++)
                    {
                        allReachable &= astar.find(islands, hunt.spawnTile[s], hunt.treasureTile[t]) != AStarPathfinder.NO_PATH;
                    }
                    for (int o = 0; o < Rules.SPAWN_POINTS; o++)
                    {
                        allReachable &= astar.find(islands, hunt.spawnTile[s], hunt.spawnTile[o]) != AStarPathfinder.NO_PATH;
                    }
                }
                if (rules == 2)
                {
                    assertThat(allReachable).as("seed %d", seed).isTrue();
                }
                else
                {
                    rulesOneStrandsSome |= !allReachable;
                }
            }
        }
        assertThat(rulesOneStrandsSome).as("the map really has islands that rules 1 used").isTrue();
    }

    @Test
    void theRulesVersionIsHashedAndSnapshotted() throws IOException
    {
        huntWithActor(2);
        f.move(42, Direction.W);
        final GameFixture other = new GameFixture();
        other.cmd.createHunt(other.id(), 1, "field", 7, 3, 1000, 8);
        other.cmd.rules = 1;
        other.apply();
        other.join(1, 42);
        other.actor(42).tile = f.actor(42).tile;
        assertThat(other.handler.worldHash()).isNotEqualTo(f.handler.worldHash());

        final byte[] bytes = StateSnapshot.capture(f.handler);
        final GameFixture restored = new GameFixture();
        StateSnapshot.restore(restored.handler, bytes);
        assertThat(restored.handler.stateHash()).isEqualTo(f.handler.stateHash());
        assertThat(restored.state().hunt(1).rules()).isEqualTo(2);
        restored.cmd.move(9_999, 42, Direction.W);
        assertThat(restored.apply()).isEqualTo(ResultCode.MOVE_BUDGET); // the budget came along
    }

    @Test
    void theRulesVersionOfACommandDefaultsToTheCurrentOne()
    {
        assertThat(new CommandEvent().rules).isEqualTo(CommandEvent.CURRENT_RULES);
        final CommandEvent cmd = new CommandEvent().dig(1, 2);
        cmd.rules = 1;
        assertThat(cmd.dig(3, 2).rules).isEqualTo(CommandEvent.CURRENT_RULES);
        final CommandEvent copy = new CommandEvent();
        cmd.rules = 1;
        copy.copyCommandFrom(cmd);
        assertThat(copy.rules).isEqualTo(1);
        assertThat(Map.of()).isEmpty();
    }
}
