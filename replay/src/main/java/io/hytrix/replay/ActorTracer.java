package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.game.Actor;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.EventText;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.Hunt;
import io.hytrix.engine.game.Rules;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one actor through a replay: each command that names it or produces an event about it,
 * with the outcome, those events and the actor's state afterwards, as YAML.
 */
public final class ActorTracer implements EngineListener
{
    private final long actorId;
    private final PrintStream out;
    private final List<String> events = new ArrayList<>();
    private GameHandler handler;
    private long traced;

    public ActorTracer(final long actorId, final PrintStream out)
    {
        this.actorId = actorId;
        this.out = out;
    }

    /** The handler whose state is read after each traced command (same thread, between commands). */
    public void handler(final GameHandler handler)
    {
        this.handler = handler;
    }

    public long traced()
    {
        return traced;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        if (EventText.involves(event, actorId))
        {
            events.add(event.toString());
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        final boolean names = names(cmd);
        if (!names && events.isEmpty())
        {
            return;
        }
        traced++;
        out.println("- index: " + cmd.journalIndex);
        out.println("  command: " + cmd);
        out.println("  outcome: " + cmd.result + (cmd.duplicate ? " (duplicate)" : ""));
        if (!events.isEmpty())
        {
            out.println("  events:");
            events.forEach(e -> out.println("    - " + e));
            events.clear();
        }
        out.println("  state: " + describe(handler, actorId));
    }

    private boolean names(final CommandEvent cmd)
    {
        return cmd.type != null && cmd.type.has(CommandField.ACTOR_ID) && cmd.actorId == actorId;
    }

    /** One actor's state as a YAML flow map, or {@code absent} when it is in no running hunt. */
    public static String describe(final GameHandler handler, final long actorId)
    {
        final Actor actor = handler.actor(actorId);
        if (actor == null)
        {
            return "absent";
        }
        final Hunt hunt = handler.huntOf(actor);
        final StringBuilder sb = new StringBuilder("{hunt: ").append(hunt.id())
            .append(", x: ").append(hunt.map().x(actor.tile())).append(", y: ").append(hunt.map().y(actor.tile()))
            .append(", score: ").append(actor.score()).append(", inventory: [");
        String sep = "";
        for (int s = 0; s < Rules.INVENTORY_SLOTS; s++)
        {
            if (actor.item(s) != null)
            {
                sb.append(sep).append(s).append(": ").append(actor.item(s)).append(" x").append(actor.quantity(s));
                sep = ", ";
            }
        }
        sb.append("], effects: [");
        sep = "";
        for (int e = 0; e < Rules.EFFECT_SLOTS; e++)
        {
            if (actor.effect(e) != null)
            {
                sb.append(sep).append(actor.effect(e)).append(" until ").append(actor.effectExpiresAt(e));
                sep = ", ";
            }
        }
        sb.append("]");
        if (actor.travelling())
        {
            sb.append(", travellingTo: [").append(hunt.map().x(actor.pathTo())).append(", ")
                .append(hunt.map().y(actor.pathTo())).append("]");
        }
        return sb.append('}').toString();
    }
}
