package io.hytrix.engine.game;

import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailurePolicyTest
{
    @Test
    void aCommandThatThrowsIsRejectedWithInternalAndTheEngineCarriesOn()
    {
        final MapCatalog good = GameFixture.catalog(Map.of("field", GameFixture.FIELD));
        final MapCatalog exploding = (name, length) ->
        {
            if (new String(name, 0, length).equals("boom"))
            {
                throw new IllegalStateException("map store on fire");
            }
            return good.find(name, length);
        };
        final GameFixture game = new GameFixture(exploding, new PathCache(16, 4096, new AStarPathfinder()));
        final long before = game.handler.worldHash();

        game.cmd.journalIndex = 41;
        assertThat(game.createHunt(1, "boom", 1, 1, 10, 1)).isEqualTo(ResultCode.INTERNAL);
        assertThat(game.handler.internalErrors()).isEqualTo(1);
        assertThat(game.handler.worldHash()).isEqualTo(before);

        assertThat(game.createHunt(1, "field", 1, 1, 10, 1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.join(1, 5)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.handler.commands()).isEqualTo(3);
        assertThat(game.handler.rejections()).isEqualTo(1);
    }

    @Test
    void aCommandWithoutATypeIsRejectedAsUnknown()
    {
        final GameFixture game = new GameFixture();
        game.cmd.tick(1);
        game.cmd.type = null;
        assertThat(game.apply()).isEqualTo(ResultCode.UNKNOWN_COMMAND);
        assertThat(game.events).isEmpty();
    }

    @Test
    void aCommandTheJournalFailedToStoreIsNeverApplied()
    {
        final GameFixture game = new GameFixture();
        final long before = game.handler.worldHash();
        game.cmd.createHunt(1, 1, "field", 1, 1, 10, 1);
        game.cmd.journalFailed = true;
        assertThat(game.apply()).isEqualTo(ResultCode.JOURNAL_UNAVAILABLE);
        assertThat(game.state().hunt(1)).isNull();
        assertThat(game.handler.worldHash()).isEqualTo(before);
        game.cmd.journalFailed = false;
    }

    @Test
    void rejectedCommandsChangeNoState()
    {
        final GameFixture game = new GameFixture();
        game.createHunt(1, "field", 9, 5, 100, 1);
        game.join(1, 3);
        final long before = game.handler.worldHash();
        game.createHunt(1, "field", 9, 5, 100, 1);
        game.join(1, 4);
        game.travel(3, 1, 1);
        game.travel(3, 99, 1);
        game.move(3, null);
        game.use(3, 0);
        game.use(3, 77);
        game.leave(8);
        game.end(9);
        if (game.state().hunt(1).undugTreasureAt(game.actor(3).tile()) < 0)
        {
            game.dig(3);
        }
        assertThat(game.handler.worldHash()).isEqualTo(before);
    }
}
