package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers, for one actor, which commands put each item into its inventory and started each effect,
 * so {@code why} can answer "where did this come from" after a replay. Which item a useItem consumed
 * follows from its event (BOOTS start SPEED, a COMPASS reveals); items of a type are attributed
 * first-in first-out, so the count per type is exact and the oldest dig is taken as the one used.
 */
public final class WhyTracker implements EngineListener
{
    private final long actorId;
    private final Map<ItemType, Deque<String>> items = new EnumMap<>(ItemType.class);
    private final Map<String, String> effects = new java.util.LinkedHashMap<>();

    public WhyTracker(final long actorId)
    {
        this.actorId = actorId;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        if (event.actorId != actorId)
        {
            return;
        }
        if (event.type == EventType.ACTOR_JOINED)
        {
            items.clear();
            effects.clear();
        }
        else if (event.type == EventType.TREASURE_FOUND)
        {
            items.computeIfAbsent(event.item, t -> new ArrayDeque<>()).addLast(origin(cause) + " dug it at (" + event.x
                + "," + event.y + ")");
        }
        else if (event.type == EventType.EFFECT_STARTED)
        {
            // Only BOOTS start an effect (SPEED): the oldest pair was the one used.
            consume(ItemType.BOOTS);
            effects.put(event.effect.name(), origin(cause) + " started it, expires at tick " + event.value);
        }
        else if (event.type == EventType.TREASURE_REVEALED)
        {
            consume(ItemType.COMPASS);
        }
        else if (event.type == EventType.EFFECT_EXPIRED)
        {
            effects.remove(event.effect.name());
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
    }

    private void consume(final ItemType type)
    {
        final Deque<String> origins = items.get(type);
        if (origins != null)
        {
            origins.pollFirst();
        }
    }

    /** The answer, one line per item and effect the actor holds. */
    public List<String> explain()
    {
        final List<String> lines = new ArrayList<>();
        items.forEach((type, origins) -> origins.forEach(o -> lines.add(type + ": " + o)));
        effects.forEach((effect, origin) -> lines.add(effect + " effect: " + origin));
        return lines;
    }

    private static String origin(final CommandEvent cmd)
    {
        return "journal index " + cmd.journalIndex + " " + cmd;
    }
}
