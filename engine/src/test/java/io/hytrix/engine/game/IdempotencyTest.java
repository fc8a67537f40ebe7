package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest
{
    @Test
    void aRetriedCommandRepeatsItsOutcomeAndIsNotAppliedAgain()
    {
        final GameFixture game = new GameFixture();
        game.cmd.createHunt(100, 1, "field", 1, 5, 100, 2);
        assertThat(game.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.cmd.duplicate).isFalse();
        game.cmd.joinHunt(101, 1, 7);
        game.apply();
        final long hash = game.handler.stateHash();
        final long world = game.handler.worldHash();

        game.cmd.joinHunt(101, 1, 7);
        assertThat(game.apply()).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.cmd.duplicate).isTrue();
        assertThat(game.events).isEmpty();

        game.cmd.joinHunt(102, 1, 7); // a new cmdId is a new command: the actor is already in
        assertThat(game.apply()).isEqualTo(ResultCode.ACTOR_EXISTS);
        game.cmd.joinHunt(102, 1, 7); // retried with the same fields: the recorded outcome
        assertThat(game.apply()).isEqualTo(ResultCode.ACTOR_EXISTS);
        assertThat(game.cmd.duplicate).isTrue();
        game.cmd.joinHunt(102, 1, 8); // with other fields (rules 2): a conflict, nothing applied
        assertThat(game.apply()).isEqualTo(ResultCode.CMD_ID_CONFLICT);
        assertThat(game.cmd.duplicate).isFalse();
        assertThat(game.actor(8)).isNull();
        assertThat(game.handler.worldHash()).isEqualTo(world);
        assertThat(game.handler.stateHash()).isNotEqualTo(hash); // the window is state
    }

    @Test
    void ticksAreNeverDuplicates()
    {
        final GameFixture game = new GameFixture();
        game.createHunt(1, "field", 1, 1, 100, 1);
        game.cmd.tick(0);
        game.apply();
        game.cmd.tick(0);
        game.apply();
        assertThat(game.cmd.duplicate).isFalse();
        assertThat(game.state().hunt(1).tick()).isEqualTo(2);
    }

    @Test
    void theOldestCmdIdLeavesAFullWindow()
    {
        final GameFixture game = new GameFixture(GameFixture.catalog(Map.of("field", GameFixture.FIELD)),
            new PathCache(8, 1024, new AStarPathfinder()), 3);
        for (long id = 1; id <= 4; id++)
        {
            game.cmd.endHunt(id, 9);
            game.apply();
        }
        assertThat(game.handler.idempotencyWindow().size()).isEqualTo(3);
        game.cmd.createHunt(1, 9, "field", 1, 1, 10, 1); // cmdId 1 has left the window: applied
        assertThat(game.apply()).isEqualTo(ResultCode.ACCEPTED);
        game.cmd.endHunt(4, 9); // cmdId 4 is remembered: UNKNOWN_HUNT again
        assertThat(game.apply()).isEqualTo(ResultCode.UNKNOWN_HUNT);
        assertThat(game.cmd.duplicate).isTrue();
        game.cmd.createHunt(4, 10, "field", 1, 1, 10, 1); // remembered, with other fields: a conflict
        assertThat(game.apply()).isEqualTo(ResultCode.CMD_ID_CONFLICT);
    }

    @Test
    void theDigestFollowsTheEntriesAsTheyComeAndGo()
    {
        final IdempotencyWindow full = new IdempotencyWindow(4);
        for (long id = 1; id <= 10; id++)
        {
            full.record(id * 1000, id % 2 == 0 ? ResultCode.ACCEPTED : ResultCode.NO_TREASURE);
        }
        final IdempotencyWindow lastFour = new IdempotencyWindow(4);
        for (long id = 7; id <= 10; id++)
        {
            lastFour.record(id * 1000, id % 2 == 0 ? ResultCode.ACCEPTED : ResultCode.NO_TREASURE);
        }
        assertThat(full.digest()).isEqualTo(lastFour.digest()).isNotZero();
        lastFour.record(11_000, ResultCode.ACCEPTED);
        assertThat(lastFour.digest()).isNotEqualTo(full.digest());
        final IdempotencyWindow otherResult = new IdempotencyWindow(4);
        for (long id = 7; id <= 10; id++)
        {
            otherResult.record(id * 1000, ResultCode.ACCEPTED);
        }
        assertThat(otherResult.digest()).as("same cmdIds, another result").isNotEqualTo(full.digest());
    }

    @Test
    void queriesAreAnsweredOnTheHandlerThreadAndChangeNothing()
    {
        final long[] seen = new long[3];
        final EngineListener listener = new EngineListener()
        {
            @Override
            public void onEvent(final CommandEvent cause, final GameEvent event)
            {
            }

            @Override
            public void onOutcome(final CommandEvent cmd)
            {
                seen[2]++;
            }

            @Override
            public void onQuery(final CommandEvent query, final StateView view)
            {
                seen[0] = view.actor(query.actorId) == null ? -1 : view.actor(query.actorId).score();
                seen[1] = view.stateHash();
            }
        };
        final GameHandler handler = new GameHandler(GameFixture.catalog(Map.of("field", GameFixture.FIELD)),
            new PathCache(8, 1024, new AStarPathfinder()), listener);
        final CommandEvent cmd = new CommandEvent().createHunt(1, 1, "field", 1, 1, 10, 1);
        handler.apply(cmd);
        handler.apply(cmd.joinHunt(2, 1, 5));
        final long commands = handler.commands();
        handler.apply(cmd.query(Query.ACTOR, 0, 5));
        assertThat(seen[0]).isZero();
        assertThat(seen[1]).isEqualTo(handler.stateHash());
        assertThat(seen[2]).isEqualTo(2);
        assertThat(handler.commands()).isEqualTo(commands);
    }
}
