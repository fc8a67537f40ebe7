package io.hytrix.engine.game;

import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorActionsTest
{
    private final GameFixture game = new GameFixture();

    @BeforeEach
    void hunt()
    {
        game.createHunt(1, "field", 3, 30, 10_000, 4);
        game.join(1, 7);
    }

    @Test
    void travelFollowsTheShortestPathOneStepPerTick()
    {
        game.walkTo(7, 0, 0);
        assertThat(game.travel(7, 0, 4)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly("travelStarted{huntId=1, actorId=7, x=0, y=4, steps=4}");
        game.tick();
        assertThat(game.events).hasSize(1);
        assertThat(game.events.get(0)).startsWith("actorMoved{huntId=1, actorId=7, x=0, y=1");
        game.tick();
        game.tick();
        game.tick();
        assertThat(game.events).hasSize(2);
        assertThat(game.events.get(1)).startsWith("actorArrived{huntId=1, actorId=7, x=0, y=4");
        assertThat(game.x(7)).isEqualTo(0);
        assertThat(game.y(7)).isEqualTo(4);
        assertThat(game.actor(7).travelling()).isFalse();
    }

    @Test
    void travelToTheCurrentTileIsAcceptedWithNoSteps()
    {
        game.walkTo(7, 4, 4);
        assertThat(game.travel(7, 4, 4)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly("travelStarted{huntId=1, actorId=7, x=4, y=4, steps=0}");
        game.tick();
        assertThat(game.events).isEmpty();
    }

    @Test
    void travelRejections()
    {
        assertThat(game.travel(99, 0, 0)).isEqualTo(ResultCode.UNKNOWN_ACTOR);
        assertThat(game.travel(7, 8, 0)).isEqualTo(ResultCode.OUT_OF_BOUNDS);
        assertThat(game.travel(7, -1, 0)).isEqualTo(ResultCode.OUT_OF_BOUNDS);
        assertThat(game.travel(7, 1, 1)).isEqualTo(ResultCode.BLOCKED_TILE);
        game.createHunt(2, "islands", 1, 1, 100, 1);
        game.join(2, 8);
        final int targetX = game.x(8) < 3 ? 5 : 1;
        assertThat(game.travel(8, targetX, 1)).isEqualTo(ResultCode.NO_PATH);
        assertThat(game.events).isEmpty();
    }

    @Test
    void moveStepsInEachDirectionAndCancelsTravel()
    {
        game.walkTo(7, 6, 1); // all eight neighbours of (6,1) are open
        game.travel(7, 0, 0);
        for (final Direction dir : Direction.values())
        {
            assertThat(game.move(7, dir)).as(dir.name()).isEqualTo(ResultCode.ACCEPTED);
            assertThat(game.x(7)).isEqualTo(6 + dir.dx());
            assertThat(game.y(7)).isEqualTo(1 + dir.dy());
            assertThat(game.events).containsExactly("actorMoved{huntId=1, actorId=7, x=" + (6 + dir.dx()) + ", y="
                + (1 + dir.dy()) + ", tick=" + game.state().hunt(1).tick() + "}");
            game.tick(); // one tile per tick (rules 2)
            assertThat(game.move(7, Direction.fromId((dir.id() + 4) % 8))).isEqualTo(ResultCode.ACCEPTED);
            game.tick();
        }
        assertThat(game.actor(7).travelling()).isFalse();
    }

    @Test
    void moveRejections()
    {
        assertThat(game.move(99, Direction.N)).isEqualTo(ResultCode.UNKNOWN_ACTOR);
        assertThat(game.move(7, null)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        game.walkTo(7, 0, 0);
        assertThat(game.move(7, Direction.N)).isEqualTo(ResultCode.OUT_OF_BOUNDS);
        assertThat(game.move(7, Direction.W)).isEqualTo(ResultCode.OUT_OF_BOUNDS);
        game.walkTo(7, 0, 2);
        assertThat(game.move(7, Direction.E)).isEqualTo(ResultCode.BLOCKED_TILE);
        // (0,2) -> (1,1)? (1,1) is a wall; (0,4) -> NE (1,3) is a wall too: take (2,2)->NE(3,1) wall.
        game.walkTo(7, 4, 2);
        // NW from (4,2) is (3,1), a wall; W (3,2) open, N (4,1) open.
        assertThat(game.move(7, Direction.NW)).isEqualTo(ResultCode.BLOCKED_TILE);
        game.walkTo(7, 3, 4);
        // SE from (3,4) lands on (4,5), open, but S (3,5) is a wall: cutting the corner is refused.
        assertThat(game.move(7, Direction.SE)).isEqualTo(ResultCode.BLOCKED_TILE);
        assertThat(game.x(7)).isEqualTo(3);
        assertThat(game.y(7)).isEqualTo(4);
    }

    @Test
    void digFindsTheTreasureScoresAndStacksIt()
    {
        final Hunt hunt = game.state().hunt(1);
        assertThat(game.dig(99)).isEqualTo(ResultCode.UNKNOWN_ACTOR);
        final int tile = hunt.treasureTile(0);
        final int x = hunt.map().x(tile);
        final int y = hunt.map().y(tile);
        game.walkTo(7, x, y);
        assertThat(game.dig(7)).isEqualTo(ResultCode.ACCEPTED);
        final ItemType item = hunt.treasureItem(0);
        assertThat(game.events).containsExactly("treasureFound{huntId=1, actorId=7, x=" + x + ", y=" + y
            + ", item=" + item + ", score=" + item.score() + "}");
        assertThat(game.actor(7).item(0)).isEqualTo(item);
        assertThat(game.actor(7).quantity(0)).isEqualTo(1);
        assertThat(hunt.treasureDug(0)).isTrue();
        assertThat(hunt.treasuresLeft()).isEqualTo(29);
        assertThat(game.dig(7)).isEqualTo(ResultCode.NO_TREASURE);
    }

    @Test
    void digIntoAFullInventoryIsRefusedAndLeavesTheTreasure()
    {
        game.createHunt(2, "field", 5, 40, 100_000, 1);
        game.join(2, 8);
        final Hunt hunt = game.state().hunt(2);
        int dug = 0;
        int refusedAt = -1;
        for (int t = 0; t < hunt.treasureCount() && refusedAt < 0; t++)
        {
            game.walkTo(8, hunt.map().x(hunt.treasureTile(t)), hunt.map().y(hunt.treasureTile(t)));
            if (game.dig(8) == ResultCode.INVENTORY_FULL)
            {
                refusedAt = t;
            }
            else
            {
                dug++;
            }
        }
        // Three item types, three per stack, eight slots: at most 24 items, all eight slots in use.
        assertThat(refusedAt).isGreaterThanOrEqualTo(0);
        assertThat(dug).isLessThanOrEqualTo(Rules.INVENTORY_SLOTS * Rules.MAX_STACK);
        assertThat(hunt.treasureDug(refusedAt)).isFalse();
        for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
        {
            assertThat(game.actor(8).item(s)).isNotNull();
        }
    }

    @Test
    void bootsGiveSpeedThatExpires()
    {
        final int slot = obtain(ItemType.BOOTS);
        final int tick = game.state().hunt(1).tick();
        assertThat(game.use(7, slot)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).containsExactly("effectStarted{huntId=1, actorId=7, effect=SPEED, expiresAt="
            + (tick + Rules.SPEED_TICKS) + "}");
        assertThat(game.actor(7).effect(0)).isEqualTo(EffectType.SPEED);

        game.walkTo(7, 0, 0);
        game.travel(7, 0, 4);
        game.tick();
        assertThat(game.events).hasSize(2); // two steps in one tick
        assertThat(game.y(7)).isEqualTo(2);

        while (game.state().hunt(1).tick() < tick + Rules.SPEED_TICKS - 1)
        {
            game.tick();
            assertThat(game.events).noneMatch(e -> e.startsWith("effectExpired"));
        }
        game.tick();
        assertThat(game.events).contains("effectExpired{huntId=1, actorId=7, effect=SPEED, tick="
            + (tick + Rules.SPEED_TICKS) + "}");
        assertThat(game.actor(7).effect(0)).isNull();
    }

    @Test
    void compassRevealsTheNearestUndugTreasureAndIsConsumed()
    {
        final int slot = obtain(ItemType.COMPASS);
        final int quantity = game.actor(7).quantity(slot);
        assertThat(game.use(7, slot)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(game.events).hasSize(1);
        final Hunt hunt = game.state().hunt(1);
        final int ax = game.x(7);
        final int ay = game.y(7);
        double best = Double.MAX_VALUE;
        for (int t = 0; t < hunt.treasureCount(); t++)
        {
            if (!hunt.treasureDug(t))
            {
                final int dx = Math.abs(hunt.map().x(hunt.treasureTile(t)) - ax);
                final int dy = Math.abs(hunt.map().y(hunt.treasureTile(t)) - ay);
                best = Math.min(best, Math.max(dx, dy) + (Math.sqrt(2) - 1) * Math.min(dx, dy));
            }
        }
        final String revealed = game.events.get(0);
        final int rx = Integer.parseInt(revealed.replaceAll(".*x=(\\d+).*", "$1"));
        final int ry = Integer.parseInt(revealed.replaceAll(".*y=(\\d+).*", "$1"));
        final int dx = Math.abs(rx - ax);
        final int dy = Math.abs(ry - ay);
        assertThat(Math.max(dx, dy) + (Math.sqrt(2) - 1) * Math.min(dx, dy)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
        if (quantity == 1)
        {
            assertThat(game.actor(7).item(slot)).isNull();
        }
        else
        {
            assertThat(game.actor(7).quantity(slot)).isEqualTo(quantity - 1);
        }
    }

    @Test
    void useItemRejections()
    {
        assertThat(game.use(99, 0)).isEqualTo(ResultCode.UNKNOWN_ACTOR);
        assertThat(game.use(7, Rules.INVENTORY_SLOTS)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.use(7, -1)).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(game.use(7, 0)).isEqualTo(ResultCode.EMPTY_SLOT);
        final int slot = obtain(ItemType.COIN);
        final long score = game.actor(7).score();
        assertThat(game.use(7, slot)).isEqualTo(ResultCode.ITEM_NOT_USABLE);
        assertThat(game.actor(7).score()).isEqualTo(score);
        assertThat(game.actor(7).item(slot)).isEqualTo(ItemType.COIN);
    }

    /** Digs treasures in index order until the actor holds the item; returns its slot. */
    private int obtain(final ItemType wanted)
    {
        final Hunt hunt = game.state().hunt(1);
        for (int t = 0; t < hunt.treasureCount(); t++)
        {
            if (hunt.treasureItem(t) == wanted)
            {
                game.walkTo(7, hunt.map().x(hunt.treasureTile(t)), hunt.map().y(hunt.treasureTile(t)));
                assertThat(game.dig(7)).isEqualTo(ResultCode.ACCEPTED);
                for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
                {
                    if (game.actor(7).item(s) == wanted)
                    {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError("seed 3 placed no " + wanted);
    }
}
