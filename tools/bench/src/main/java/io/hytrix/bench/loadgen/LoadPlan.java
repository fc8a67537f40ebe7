package io.hytrix.bench.loadgen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hytrix.bench.players.Players;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EventField;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.codec.CommandJsonWriter;
import io.hytrix.replay.codec.JsonText;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated {@link Players}' commands as request bodies, and the service's answers fed back to
 * them: over HTTP a player knows what a real client knows, the outcomes and events in the answers
 * to its own commands (a tick's events, such as an arrival, reach no answer; the players reckon
 * those from their own clock). Every id is offset by a per-run base so two runs against one service
 * never collide in the idempotency window or in hunt and actor ids. Called from the sender and from
 * the HTTP client's completion threads, hence synchronised.
 */
public final class LoadPlan
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, EventType> EVENT_TYPES = new HashMap<>();
    private static final Map<String, EventField> FIELDS = new HashMap<>();

    static
    {
        for (final EventType t : EventType.values())
        {
            EVENT_TYPES.put(t.wireName(), t);
        }
        for (final EventField f : EventField.values())
        {
            FIELDS.put(f.wireName(), f);
        }
    }

    private final Players players;
    private final long idBase;
    private final long tickNanos;
    private final CommandEvent cmd = new CommandEvent();
    private long start;
    private long nextEndCmdId;
    /** Commands in the body last written. */
    private int written;

    /** @param tickHz the service's tick rate: how the players tell time without seeing its ticks */
    public LoadPlan(final long seed, final int actors, final int actorsPerHunt, final int treasures, final int durationTicks,
        final int tickHz, final long idBase, final GridMap... maps)
    {
        this.players = new Players(seed, actors, actorsPerHunt, treasures, durationTicks, idBase, maps);
        this.idBase = idBase;
        this.tickNanos = 1_000_000_000L / tickHz;
    }

    public int hunts()
    {
        return players.hunts();
    }

    /**
     * The set-up: createHunts, then every player's joinHunt (all at tick 0, so nobody does more).
     * @return a JSON array of at most {@code max} commands, or null when the set-up is complete
     */
    public synchronized String nextSetUp(final int max)
    {
        players.tick(0);
        return body(max);
    }

    /** Up to {@code count} commands as a JSON array, or null when no player has anything to send now. */
    public synchronized String nextBatch(final int count)
    {
        final long now = System.nanoTime();
        if (start == 0)
        {
            start = now;
        }
        players.tick(1 + (now - start) / tickNanos);
        return body(count);
    }

    /** How many commands the body last returned holds. */
    public synchronized int written()
    {
        return written;
    }

    private String body(final int max)
    {
        written = 0;
        final String body = JsonText.write(g ->
        {
            g.writeStartArray();
            while (written < max && players.next(cmd))
            {
                CommandJsonWriter.write(g, cmd);
                written++;
            }
            g.writeEndArray();
        });
        return written == 0 ? null : body;
    }

    /** Feeds an answer's outcomes and their events to the players; an answer that does not parse is skipped. */
    public synchronized void answered(final byte[] body)
    {
        try (JsonParser p = JSON.createParser(body))
        {
            if (p.nextToken() != JsonToken.START_ARRAY)
            {
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                outcome(p);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // the tally counts malformed answers; the players just hear nothing
        }
    }

    private void outcome(final JsonParser p) throws IOException
    {
        long cmdId = 0;
        ResultCode code = null;
        long steps = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            if ("cmdId".equals(name))
            {
                cmdId = p.getLongValue();
            }
            else if ("code".equals(name))
            {
                code = ResultCode.valueOf(p.getText());
            }
            else if ("events".equals(name) && value == JsonToken.START_ARRAY)
            {
                while (p.nextToken() == JsonToken.START_OBJECT)
                {
                    steps = Math.max(steps, event(p));
                }
            }
            else
            {
                p.skipChildren();
            }
        }
        if (code != null)
        {
            players.onOutcome(cmdId, code, steps);
        }
    }

    /** @return a travelStarted's steps, else 0 */
    private long event(final JsonParser p) throws IOException
    {
        EventType type = null;
        long hunt = 0;
        long actor = 0;
        int x = 0;
        int y = 0;
        ItemType item = null;
        long value = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if ("type".equals(name))
            {
                type = EVENT_TYPES.get(p.getText());
                continue;
            }
            final EventField field = FIELDS.get(name);
            if (field == null)
            {
                p.skipChildren();
                continue;
            }
            switch (field.source())
            {
                case HUNT_ID: hunt = p.getLongValue(); break;
                case ACTOR_ID: actor = p.getLongValue(); break;
                case X: x = p.getIntValue(); break;
                case Y: y = p.getIntValue(); break;
                case VALUE: value = p.getLongValue(); break;
                case ITEM: item = ItemType.valueOf(p.getText()); break;
                default: break;
            }
        }
        if (type == null)
        {
            return 0;
        }
        players.onEvent(type, hunt, actor, x, y, item, value);
        return type == EventType.TRAVEL_STARTED ? value : 0;
    }

    /** endHunt for every hunt this run has running, so the service's capacity is given back. */
    public synchronized String tearDown()
    {
        final long[] open = players.openHunts();
        return JsonText.write(g ->
        {
            g.writeStartArray();
            for (final long hunt : open)
            {
                cmd.endHunt(idBase - 1 - nextEndCmdId++, hunt);
                writeCommand(g);
            }
            g.writeEndArray();
        });
    }

    private void writeCommand(final JsonGenerator g) throws IOException
    {
        CommandJsonWriter.write(g, cmd);
    }
}
