package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.map.MovingAiMapParser;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A handler over small in-memory maps, recording every event and outcome as text for assertions. */
final class GameFixture implements EngineListener
{
    /** 8x6, walls at x=1..3 y=1, a column at x=1 y=2..3, a block at (4..5,3), one at (3,5). */
    static final String FIELD = String.join("\n",
        "type octile", "height 6", "width 8", "map",
        "........",
        ".@@@....",
        ".@......",
        ".@..@@..",
        "........",
        "...@....");

    /** Two islands that no path joins: x 0..2 and x 4..6. */
    static final String ISLANDS = String.join("\n",
        "type octile", "height 3", "width 7", "map",
        "...@...",
        "...@...",
        "...@...");

    final List<String> events = new ArrayList<>();
    final List<GameEvent> lastEvents = new ArrayList<>();
    final GameHandler handler;
    final CommandEvent cmd = new CommandEvent();
    private long nextCmdId = 1;

    GameFixture()
    {
        this(new PathCache(1024, 1 << 16, new AStarPathfinder()));
    }

    GameFixture(final PathCache cache)
    {
        this(catalog(Map.of("field", FIELD, "islands", ISLANDS)), cache);
    }

    GameFixture(final MapCatalog catalog, final PathCache cache)
    {
        this(catalog, cache, GameHandler.DEFAULT_IDEMPOTENCY_WINDOW);
    }

    GameFixture(final MapCatalog catalog, final PathCache cache, final int idempotencyWindow)
    {
        handler = new GameHandler(catalog, cache, this, idempotencyWindow);
    }

    static MapCatalog catalog(final Map<String, String> sources)
    {
        final Map<String, GridMap> maps = new LinkedHashMap<>();
        sources.forEach((name, text) -> maps.put(name, parse(name, text)));
        return (name, length) -> maps.get(new String(name, 0, length, StandardCharsets.US_ASCII));
    }

    static GridMap parse(final String name, final String text)
    {
        try
        {
            return MovingAiMapParser.parse(name, name, new BufferedReader(new StringReader(text)));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        events.add(event.toString());
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
    }

    /** "tick N: h1 h2 ..." for each checksum reported, in subsystem order. */
    final List<String> checksums = new ArrayList<>();

    @Override
    public void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
        final StringBuilder sb = new StringBuilder("tick ").append(tick.tick).append(':');
        for (final Subsystem s : Subsystem.all())
        {
            sb.append(' ').append(Long.toHexString(hashes.value(s)));
        }
        checksums.add(sb.toString());
    }

    GameState state()
    {
        return handler.state();
    }

    /** Applies the command built in {@link #cmd}, returning its result; events are in {@link #events}. */
    ResultCode apply()
    {
        events.clear();
        handler.apply(cmd);
        return cmd.result;
    }

    long id()
    {
        return nextCmdId++;
    }

    ResultCode createHunt(final long huntId, final String map, final long seed, final int treasures, final int duration,
        final int maxActors)
    {
        cmd.createHunt(id(), huntId, map, seed, treasures, duration, maxActors);
        return apply();
    }

    ResultCode join(final long huntId, final long actorId)
    {
        cmd.joinHunt(id(), huntId, actorId);
        return apply();
    }

    ResultCode travel(final long actorId, final int x, final int y)
    {
        cmd.travel(id(), actorId, x, y);
        return apply();
    }

    ResultCode move(final long actorId, final Direction dir)
    {
        cmd.move(id(), actorId, dir);
        return apply();
    }

    ResultCode dig(final long actorId)
    {
        cmd.dig(id(), actorId);
        return apply();
    }

    ResultCode use(final long actorId, final int slot)
    {
        cmd.useItem(id(), actorId, slot);
        return apply();
    }

    ResultCode leave(final long actorId)
    {
        cmd.leaveHunt(id(), actorId);
        return apply();
    }

    ResultCode end(final long huntId)
    {
        cmd.endHunt(id(), huntId);
        return apply();
    }

    ResultCode tick()
    {
        cmd.tick(id());
        return apply();
    }

    Actor actor(final long actorId)
    {
        return state().actor(actorId);
    }

    int x(final long actorId)
    {
        final Actor a = actor(actorId);
        return state().hunts[a.huntSlot].map.x(a.tile);
    }

    int y(final long actorId)
    {
        final Actor a = actor(actorId);
        return state().hunts[a.huntSlot].map.y(a.tile);
    }

    /** Places the actor on a tile by travelling there and ticking until it arrives. */
    void walkTo(final long actorId, final int x, final int y)
    {
        if (travel(actorId, x, y) != ResultCode.ACCEPTED)
        {
            throw new IllegalStateException("cannot travel to " + x + "," + y + ": " + cmd.result);
        }
        int guard = 0;
        while (actor(actorId).travelling())
        {
            tick();
            if (++guard > 1000)
            {
                throw new IllegalStateException("never arrived");
            }
        }
        tick(); // the arriving step used the tick's move budget (rules 2): start the next with a fresh one
    }
}
