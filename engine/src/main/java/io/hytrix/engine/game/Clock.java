package io.hytrix.engine.game;

import io.hytrix.engine.path.PathCache;

/**
 * The {@code tick} command: for each running hunt in id order, advance its clock, expire effects,
 * walk travelling actors along their cached paths (in join order), then complete it if time is up.
 */
final class Clock
{
    private final GameState state;
    private final Events events;
    private final HuntLifecycle lifecycle;

    Clock(final GameState state, final Events events, final HuntLifecycle lifecycle)
    {
        this.state = state;
        this.events = events;
        this.lifecycle = lifecycle;
    }

    void tick()
    {
        int i = 0;
        while (i < state.runningCount)
        {
            final int huntSlot = state.runningHunts[i];
            final Hunt hunt = state.hunts[huntSlot];
            hunt.tick++;
            for (int a = 0; a < hunt.actorCount; a++)
            {
                final Actor actor = state.actors[hunt.actorSlots[a]];
                expireEffects(hunt, actor);
                if (actor.travelling)
                {
                    walk(hunt, actor, actor.hasEffect(EffectType.SPEED) ? 2 : 1);
                }
            }
            if (hunt.tick >= hunt.durationTicks)
            {
                lifecycle.complete(huntSlot, CompletionReason.TIME); // removes it from runningHunts
            }
            else
            {
                i++;
            }
        }
    }

    private void expireEffects(final Hunt hunt, final Actor actor)
    {
        for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
        {
            if (actor.effectType[e] != 0 && actor.effectExpiresAt[e] <= hunt.tick)
            {
                final EffectType type = EffectType.fromId(actor.effectType[e]);
                actor.effectType[e] = 0;
                actor.effectExpiresAt[e] = 0;
                final GameEvent event = events.begin(EventType.EFFECT_EXPIRED, hunt.id, actor.id);
                event.effect = type;
                event.tick = hunt.tick;
                events.emit();
            }
        }
    }

    private void walk(final Hunt hunt, final Actor actor, final int steps)
    {
        final PathCache paths = state.paths;
        for (int s = 0; s < steps && actor.travelling; s++)
        {
            if (!paths.isLive(actor.pathHandle, actor.pathGeneration))
            {
                // Evicted since travel began: recompute; the pathfinder's fixed tie-break gives the same path.
                actor.pathHandle = paths.resolve(hunt.mapId, hunt.map, actor.pathFrom, actor.pathTo);
                actor.pathGeneration = paths.generation(actor.pathHandle);
            }
            actor.tile = paths.step(actor.pathHandle, actor.pathStep++);
            actor.spendMove(hunt.tick); // a travel's step uses the tick's move budget (read under rules 2)
            events.actorAt(EventType.ACTOR_MOVED, hunt, actor, actor.tile);
            if (actor.pathStep == paths.length(actor.pathHandle))
            {
                actor.travelling = false;
                events.actorAt(EventType.ACTOR_ARRIVED, hunt, actor, actor.tile);
            }
        }
    }
}
