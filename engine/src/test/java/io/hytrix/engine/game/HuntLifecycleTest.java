package io.hytrix.engine.game;

import io.hytrix.engine.command.ResultCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HuntLifecycleTest
{
    private final GameFixture game = new GameFixture();

    @Test
    void createHuntPlacesTreasuresOnDistinctPassableTiles()
    {
        assertThat(game.createHunt(1, "field", 42, 10, 100, 4)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly("huntCreated{huntId=1, treasures=10, durationTicks=100}");
        final Hunt hunt = game.state().hunt(1);
        assertThat(hunt.treasureCount()).isEqualTo(10);
        final java.util.Set<Integer> tiles = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++)
        {
            assertThat(hunt.map().passableTile(hunt.treasureTile(i))).isTrue();
            tiles.add(hunt.treasureTile(i));
        }
        assertThat(tiles).hasSize(10);
    }

    @Test
    void sameSeedSamePlacementDifferentSeedDifferentPlacement()
    {
        game.createHunt(1, "field", 42, 8, 100, 4);
        game.createHunt(2, "field", 42, 8, 100, 4);
        game.createHunt(3, "field", 43, 8, 100, 4);
        final Hunt a = game.state().hunt(1);
        final Hunt b = game.state().hunt(2);
        final Hunt c = game.state().hunt(3);
        boolean differs = false;
        for (int i = 0; i < 8; i++)
        {
            assertThat(a.treasureTile(i)).isEqualTo(b.treasureTile(i));
            assertThat(a.treasureItem(i)).isEqualTo(b.treasureItem(i));
            differs |= a.treasureTile(i) != c.treasureTile(i);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void createHuntRejections()
    {
        game.createHunt(1, "field", 1, 3, 100, 4);
        assertThat(game.createHunt(1, "field", 1, 3, 100, 4)).isEqualTo(ResultCode.HUNT_EXISTS);
        assertThat(game.createHunt(2, "atlantis", 1, 3, 100, 4)).isEqualTo(ResultCode.UNKNOWN_MAP);
        assertThat(game.createHunt(2, "field", 1, 0, 100, 4)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.createHunt(2, "field", 1, Rules.MAX_TREASURES_PER_HUNT + 1, 100, 4))
            .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.createHunt(2, "field", 1, 3, 0, 4)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.createHunt(2, "field", 1, 3, 100, 0)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.createHunt(2, "field", 1, 3, 100, Rules.MAX_ACTORS_PER_HUNT + 1))
            .isEqualTo(ResultCode.INVALID_ARGUMENT);
        // More treasures than passable tiles (field has 40).
        assertThat(game.createHunt(2, "field", 1, 41, 100, 4)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.events).isEmpty();
        assertThat(game.state().runningHuntCount()).isEqualTo(1);
    }

    @Test
    void huntCapacityIsEnforced()
    {
        for (int h = 0; h < Rules.MAX_HUNTS; h++)
        {
            assertThat(game.createHunt(h, "field", h, 1, 100, 1)).isEqualTo(ResultCode.ACCEPTED);
        }
        assertThat(game.createHunt(Rules.MAX_HUNTS, "field", 0, 1, 100, 1)).isEqualTo(ResultCode.CAPACITY);
    }

    @Test
    void actorCapacityIsEnforced()
    {
        final int hunts = Rules.MAX_ACTORS / Rules.MAX_ACTORS_PER_HUNT;
        long actor = 1;
        for (int h = 0; h <= hunts; h++)
        {
            game.createHunt(h, "field", h, 1, 100, Rules.MAX_ACTORS_PER_HUNT);
        }
        for (int h = 0; h < hunts; h++)
        {
            for (int i = 0; i < Rules.MAX_ACTORS_PER_HUNT; i++)
            {
                assertThat(game.join(h, actor++)).isEqualTo(ResultCode.ACCEPTED);
            }
        }
        assertThat(game.join(hunts, actor)).isEqualTo(ResultCode.CAPACITY);
    }

    @Test
    void joinSpawnsOnAPassableTile()
    {
        game.createHunt(1, "field", 7, 3, 100, 2);
        assertThat(game.join(1, 10)).isEqualTo(ResultCode.ACCEPTED);
        final Actor actor = game.actor(10);
        assertThat(game.state().hunt(1).map().passableTile(actor.tile())).isTrue();
        assertThat(game.events).containsExactly(
            "actorJoined{huntId=1, actorId=10, x=" + game.x(10) + ", y=" + game.y(10) + "}");
    }

    @Test
    void joinRejections()
    {
        game.createHunt(1, "field", 7, 3, 100, 2);
        assertThat(game.join(9, 10)).isEqualTo(ResultCode.UNKNOWN_HUNT);
        game.join(1, 10);
        assertThat(game.join(1, 10)).isEqualTo(ResultCode.ACTOR_EXISTS);
        game.createHunt(2, "field", 7, 3, 100, 2);
        assertThat(game.join(2, 10)).isEqualTo(ResultCode.ACTOR_EXISTS);
        game.join(1, 11);
        assertThat(game.join(1, 12)).isEqualTo(ResultCode.HUNT_FULL);
        assertThat(game.events).isEmpty();
    }

    @Test
    void leaveRemovesTheActorAndReportsItsScore()
    {
        game.createHunt(1, "field", 7, 3, 100, 2);
        game.join(1, 10);
        assertThat(game.leave(10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly("actorLeft{huntId=1, actorId=10, score=0}");
        assertThat(game.actor(10)).isNull();
        assertThat(game.leave(10)).isEqualTo(ResultCode.UNKNOWN_ACTOR);
        assertThat(game.join(1, 10)).isEqualTo(ResultCode.ACCEPTED); // the slot is free again
    }

    @Test
    void endHuntAbortsAndRanksByScoreThenActorId()
    {
        game.createHunt(1, "field", 7, 20, 1000, 3);
        game.join(1, 30);
        game.join(1, 20);
        game.join(1, 10);
        game.actor(20).score = 5;
        game.actor(30).score = 5;
        game.actor(10).score = 1;
        assertThat(game.end(1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly(
            "huntCompleted{huntId=1, reason=ABORTED, tick=0, actors=3}",
            "actorRanked{huntId=1, actorId=20, rank=1, score=5}",
            "actorRanked{huntId=1, actorId=30, rank=2, score=5}",
            "actorRanked{huntId=1, actorId=10, rank=3, score=1}");
        assertThat(game.state().hunt(1)).isNull();
        assertThat(game.actor(10)).isNull();
        assertThat(game.end(1)).isEqualTo(ResultCode.UNKNOWN_HUNT);
        assertThat(game.createHunt(1, "field", 7, 3, 100, 2)).isEqualTo(ResultCode.ACCEPTED);
    }

    @Test
    void huntCompletesWhenItsTimeIsUp()
    {
        game.createHunt(1, "field", 7, 3, 3, 2);
        game.join(1, 10);
        game.tick();
        game.tick();
        assertThat(game.events).isEmpty();
        game.tick();
        assertThat(game.events).containsExactly(
            "huntCompleted{huntId=1, reason=TIME, tick=3, actors=1}",
            "actorRanked{huntId=1, actorId=10, rank=1, score=0}");
        assertThat(game.state().runningHuntCount()).isZero();
    }

    @Test
    void huntCompletesWhenTheLastTreasureIsDug()
    {
        game.createHunt(1, "field", 11, 2, 1000, 1);
        game.join(1, 10);
        final Hunt hunt = game.state().hunt(1);
        final int first = hunt.treasureTile(0);
        final int second = hunt.treasureTile(1);
        game.walkTo(10, hunt.map().x(first), hunt.map().y(first));
        assertThat(game.dig(10)).isEqualTo(ResultCode.ACCEPTED);
        game.walkTo(10, hunt.map().x(second), hunt.map().y(second));
        assertThat(game.dig(10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).hasSize(3);
        assertThat(game.events.get(1)).startsWith("huntCompleted{huntId=1, reason=TREASURES");
        assertThat(game.events.get(2)).startsWith("actorRanked{huntId=1, actorId=10, rank=1, score=");
        assertThat(game.state().runningHuntCount()).isZero();
    }

    @Test
    void ticksAdvanceEveryRunningHuntInIdOrder()
    {
        game.createHunt(5, "field", 1, 1, 2, 1);
        game.createHunt(2, "field", 1, 1, 2, 1);
        game.tick();
        game.tick();
        assertThat(game.events).containsExactly(
            "huntCompleted{huntId=2, reason=TIME, tick=2, actors=0}",
            "huntCompleted{huntId=5, reason=TIME, tick=2, actors=0}");
    }
}
