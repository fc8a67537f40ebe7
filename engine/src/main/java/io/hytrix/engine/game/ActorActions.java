package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.OutcomeDetail;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.PathCache;

/** travel, move, dig and useItem: every check happens before the first write. */
final class ActorActions
{
    private final GameState state;
    private final Events events;
    private final HuntLifecycle lifecycle;

    ActorActions(final GameState state, final Events events, final HuntLifecycle lifecycle)
    {
        this.state = state;
        this.events = events;
        this.lifecycle = lifecycle;
    }

    ResultCode travel(final CommandEvent cmd)
    {
        final int slot = state.actorIndex.get(cmd.actorId);
        if (slot < 0)
        {
            return ResultCode.UNKNOWN_ACTOR;
        }
        final Actor actor = state.actors[slot];
        final Hunt hunt = state.hunts[actor.huntSlot];
        final GridMap map = hunt.map;
        if (!map.inBounds(cmd.x, cmd.y))
        {
            return ResultCode.OUT_OF_BOUNDS;
        }
        if (!map.passable(cmd.x, cmd.y))
        {
            return ResultCode.BLOCKED_TILE;
        }
        final int target = map.tile(cmd.x, cmd.y);
        final PathCache paths = state.paths;
        final int handle = paths.resolve(hunt.mapId, map, actor.tile, target);
        if (handle == PathCache.NO_PATH)
        {
            return ResultCode.NO_PATH;
        }
        final int steps = paths.length(handle);
        actor.travelling = steps > 0;
        actor.pathFrom = actor.tile;
        actor.pathTo = target;
        actor.pathStep = 0;
        actor.pathHandle = handle;
        actor.pathGeneration = paths.generation(handle);

        final GameEvent e = events.begin(EventType.TRAVEL_STARTED, hunt.id, actor.id);
        e.x = cmd.x;
        e.y = cmd.y;
        e.value = steps;
        events.emit();
        return ResultCode.ACCEPTED;
    }

    ResultCode move(final CommandEvent cmd)
    {
        final int slot = state.actorIndex.get(cmd.actorId);
        if (slot < 0)
        {
            return ResultCode.UNKNOWN_ACTOR;
        }
        if (cmd.dir == null)
        {
            cmd.detail = OutcomeDetail.DIR.id();
            return ResultCode.INVALID_ARGUMENT;
        }
        final Actor actor = state.actors[slot];
        final Hunt hunt = state.hunts[actor.huntSlot];
        if (hunt.rules >= 2 && actor.movedIn(hunt.tick) >= actor.moveBudget())
        {
            return ResultCode.MOVE_BUDGET;
        }
        final GridMap map = hunt.map;
        final int x = map.x(actor.tile) + cmd.dir.dx();
        final int y = map.y(actor.tile) + cmd.dir.dy();
        if (!map.inBounds(x, y))
        {
            return ResultCode.OUT_OF_BOUNDS;
        }
        if (!map.canStep(actor.tile, cmd.dir.dx(), cmd.dir.dy()))
        {
            return ResultCode.BLOCKED_TILE;
        }
        actor.tile = map.tile(x, y);
        actor.spendMove(hunt.tick);
        actor.travelling = false;
        events.actorAt(EventType.ACTOR_MOVED, hunt, actor, actor.tile);
        return ResultCode.ACCEPTED;
    }

    ResultCode dig(final CommandEvent cmd)
    {
        final int slot = state.actorIndex.get(cmd.actorId);
        if (slot < 0)
        {
            return ResultCode.UNKNOWN_ACTOR;
        }
        final Actor actor = state.actors[slot];
        final int huntSlot = actor.huntSlot;
        final Hunt hunt = state.hunts[huntSlot];
        final int treasure = hunt.undugTreasureAt(actor.tile);
        if (treasure < 0)
        {
            return ResultCode.NO_TREASURE;
        }
        final byte item = hunt.treasureItem[treasure];
        final int inventorySlot = slotFor(actor, item);
        if (inventorySlot < 0)
        {
            return ResultCode.INVENTORY_FULL;
        }
        actor.itemType[inventorySlot] = item;
        actor.itemQuantity[inventorySlot]++;
        hunt.treasureDug[treasure] = true;
        hunt.treasuresLeft--;
        final ItemType type = ItemType.fromId(item);
        actor.score += type.score();

        final GameEvent e = events.begin(EventType.TREASURE_FOUND, hunt.id, actor.id);
        e.x = hunt.map.x(actor.tile);
        e.y = hunt.map.y(actor.tile);
        e.item = type;
        e.value = actor.score;
        events.emit();
        if (hunt.treasuresLeft == 0)
        {
            lifecycle.complete(huntSlot, CompletionReason.TREASURES);
        }
        return ResultCode.ACCEPTED;
    }

    ResultCode useItem(final CommandEvent cmd)
    {
        final int slot = state.actorIndex.get(cmd.actorId);
        if (slot < 0)
        {
            return ResultCode.UNKNOWN_ACTOR;
        }
        if (cmd.slot < 0 || cmd.slot >= Rules.INVENTORY_SLOTS)
        {
            cmd.detail = OutcomeDetail.SLOT.id();
            return ResultCode.INVALID_ARGUMENT;
        }
        final Actor actor = state.actors[slot];
        final Hunt hunt = state.hunts[actor.huntSlot];
        final ItemType item = ItemType.fromId(actor.itemType[cmd.slot]);
        if (item == null)
        {
            return ResultCode.EMPTY_SLOT;
        }
        switch (item)
        {
            case BOOTS:
                startSpeed(hunt, actor);
                break;
            case COMPASS:
                // A running hunt always has an undug treasure: digging the last one completes it.
                final int treasure = nearestUndug(hunt, actor.tile);
                final GameEvent e = events.begin(EventType.TREASURE_REVEALED, hunt.id, actor.id);
                e.x = hunt.map.x(hunt.treasureTile[treasure]);
                e.y = hunt.map.y(hunt.treasureTile[treasure]);
                events.emit();
                break;
            default:
                return ResultCode.ITEM_NOT_USABLE;
        }
        if (--actor.itemQuantity[cmd.slot] == 0)
        {
            actor.itemType[cmd.slot] = 0;
        }
        return ResultCode.ACCEPTED;
    }

    private void startSpeed(final Hunt hunt, final Actor actor)
    {
        final byte speed = EffectType.SPEED.id();
        int effectSlot = -1;
        for (int i = 0; i < Rules.EFFECT_SLOTS; i++)
        {
            if (actor.effectType[i] == speed)
            {
                effectSlot = i;
                break;
            }
            if (effectSlot < 0 && actor.effectType[i] == 0)
            {
                effectSlot = i;
            }
        }
        // SPEED is the only effect, so a slot is always free; a refresh extends the existing one.
        actor.effectType[effectSlot] = speed;
        actor.effectExpiresAt[effectSlot] = hunt.tick + Rules.SPEED_TICKS;
        final GameEvent e = events.begin(EventType.EFFECT_STARTED, hunt.id, actor.id);
        e.effect = EffectType.SPEED;
        e.value = actor.effectExpiresAt[effectSlot];
        events.emit();
    }

    /** A non-full stack of the same item first, else the first empty slot, else -1. */
    private static int slotFor(final Actor actor, final byte item)
    {
        int empty = -1;
        for (int i = 0; i < Rules.INVENTORY_SLOTS; i++)
        {
            if (actor.itemType[i] == item && actor.itemQuantity[i] < Rules.MAX_STACK)
            {
                return i;
            }
            if (empty < 0 && actor.itemType[i] == 0)
            {
                empty = i;
            }
        }
        return empty;
    }

    /** Nearest by octile distance; ties go to the lower treasure index. */
    private static int nearestUndug(final Hunt hunt, final int tile)
    {
        final GridMap map = hunt.map;
        final int ax = map.x(tile);
        final int ay = map.y(tile);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < hunt.treasureCount; i++)
        {
            if (hunt.treasureDug[i])
            {
                continue;
            }
            final int dx = Math.abs(map.x(hunt.treasureTile[i]) - ax);
            final int dy = Math.abs(map.y(hunt.treasureTile[i]) - ay);
            final long distance = octileMillis(dx, dy);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** Octile distance in fixed point (x 1,000,000, √2 as 1,414,214) so comparison is exact integer arithmetic. */
    private static long octileMillis(final int dx, final int dy)
    {
        final int diagonal = Math.min(dx, dy);
        final int straight = Math.max(dx, dy) - diagonal;
        return straight * 1_000_000L + diagonal * 1_414_214L;
    }
}
