package io.hytrix.bench.players;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.util.SplitMix64;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Simulated players that play to win, knowing only what a real client knows: the public maps, and the
 * outcomes and events of their own commands ({@link #onOutcome}, {@link #onEvent}). They never see the
 * engine's state, so the same code drives the in-process demo and the HTTP load generator, and what
 * they do is what a client could do.
 * <p>
 * A player walks to tiles it has not visited (one {@code move} a tick: the engine's move budget), digs
 * every {@value #DIG_EVERY}th new tile and wherever a travel ends (a dig that finds nothing is a
 * rejected command, and treasures are spread uniformly, so probing spaced tiles finds as much per
 * dig as probing every one while costing fewer rejections), uses a COMPASS as soon as it holds one,
 * travels to the tile it reveals (putting on BOOTS first for a long trip) and digs on arrival. When a
 * hunt completes its players leave with it and new players (new actor ids) join the hunt that
 * replaces it. Every command id, hunt id and actor id is fresh: nothing is ever re-sent under an old id.
 * <p>
 * Each player has at most one command in flight and acts at most once per tick, so the same seed gives
 * the same commands given the same outcomes, in the same order. Not thread-safe: callers serialise.
 */
public final class Players
{
    /** A walking player digs on every this-many-th tile it has not visited before. */
    static final int DIG_EVERY = 3;
    /** Trips longer than this (octile tiles) are worth a pair of BOOTS. */
    static final int LONG_TRIP = 12;
    /** How far (in x and in y) an exploring trip goes at most. */
    static final int TRIP_RADIUS = 16;
    private static final int SLOTS = 8;
    private static final int STACK = 3;

    private static final int NEW = 0;
    private static final int JOINING = 1;
    private static final int PLAYING = 2;

    private static final int HUNT_DUE = 0;
    private static final int HUNT_CREATING = 1;
    private static final int HUNT_OPEN = 2;

    private final GridMap[] maps;
    private final int actorsPerHunt;
    private final int treasures;
    private final int durationTicks;
    private final long idBase;
    private final int players;
    private final int hunts;

    private final int[] huntState;
    private final long[] huntId;
    private final long[] huntCmd;
    private final Map<Long, Integer> huntById = new HashMap<>();

    private final long[] actorId;
    private final int[] state;
    private final int[] tile;
    private final long[] pendingCmd;
    private final CommandType[] pendingType;
    private final int[] pendingArg;
    private final long[] lastActTick;
    private final boolean[] travelling;
    private final int[] travelTarget;
    private final long[] arriveBy;
    private final int[] reveal;
    private final boolean[] digHere;
    private final int[] walkDir;
    private final int[] walked;
    /** A new player first travels somewhere at random: players join on a few spawn points and would dig the same tiles. */
    private final boolean[] scatter;
    private final long[] speedUntil;
    /** The tick in which the engine last moved the player (its budget is then spent). */
    private final long[] movedTick;
    private final byte[][] itemType;
    private final byte[][] itemQty;
    private final BitSet[] visited;
    private final BitSet[] dug;
    private final Map<Long, Integer> playerByActor = new HashMap<>();
    private final Map<Long, Integer> playerByCmd = new HashMap<>();

    private long rng;
    private long nextCmdId = 1;
    private long nextHuntId = 1;
    private long nextActorId = 1;
    private long now;
    private int cursor;

    /**
     * @param idBase added to every id this instance makes up, so two runs against one service never collide
     */
    public Players(final long seed, final int players, final int actorsPerHunt, final int treasures, final int durationTicks,
        final long idBase, final GridMap... maps)
    {
        if (players < 1 || actorsPerHunt < 1 || treasures < 1 || durationTicks < 1 || maps.length == 0)
        {
            throw new IllegalArgumentException("players, actorsPerHunt, treasures, durationTicks must be positive and maps given");
        }
        this.maps = maps.clone();
        this.actorsPerHunt = actorsPerHunt;
        this.treasures = treasures;
        this.durationTicks = durationTicks;
        this.idBase = idBase;
        this.players = players;
        this.hunts = (players + actorsPerHunt - 1) / actorsPerHunt;
        this.rng = seed;
        huntState = new int[hunts];
        huntId = new long[hunts];
        huntCmd = new long[hunts];
        actorId = new long[players];
        state = new int[players];
        tile = new int[players];
        pendingCmd = new long[players];
        pendingType = new CommandType[players];
        pendingArg = new int[players];
        lastActTick = new long[players];
        travelling = new boolean[players];
        travelTarget = new int[players];
        arriveBy = new long[players];
        reveal = new int[players];
        digHere = new boolean[players];
        walkDir = new int[players];
        walked = new int[players];
        scatter = new boolean[players];
        speedUntil = new long[players];
        movedTick = new long[players];
        itemType = new byte[players][SLOTS];
        itemQty = new byte[players][SLOTS];
        visited = new BitSet[players];
        dug = new BitSet[players];
        for (int p = 0; p < players; p++)
        {
            visited[p] = new BitSet();
            dug[p] = new BitSet();
            lastActTick[p] = Long.MIN_VALUE;
        }
    }

    public int hunts()
    {
        return hunts;
    }

    /** The ids of the hunts this instance created that it believes are still running. */
    public long[] openHunts()
    {
        int n = 0;
        final long[] open = new long[hunts];
        for (int h = 0; h < hunts; h++)
        {
            if (huntState[h] != HUNT_DUE)
            {
                open[n++] = huntId[h];
            }
        }
        return java.util.Arrays.copyOf(open, n);
    }

    /** The caller's clock: the tick it believes the engine is on (players act at most once per tick). */
    public void tick(final long tick)
    {
        now = tick;
    }

    /**
     * Writes the next command some player wants to send into {@code into}.
     * @return false when no player has anything to send until it hears more (outcomes, a later tick)
     */
    public boolean next(final CommandEvent into)
    {
        for (int h = 0; h < hunts; h++)
        {
            if (huntState[h] == HUNT_DUE)
            {
                createHunt(h, into);
                return true;
            }
        }
        for (int n = 0; n < players; n++)
        {
            final int p = cursor;
            cursor = cursor + 1 == players ? 0 : cursor + 1;
            if (act(p, into))
            {
                lastActTick[p] = now;
                pendingCmd[p] = into.cmdId;
                pendingType[p] = into.type;
                playerByCmd.put(into.cmdId, p);
                return true;
            }
        }
        return false;
    }

    private void createHunt(final int h, final CommandEvent into)
    {
        huntById.remove(huntId[h]);
        huntId[h] = idBase + nextHuntId++;
        huntById.put(huntId[h], h);
        huntState[h] = HUNT_CREATING;
        huntCmd[h] = cmdId();
        into.createHunt(huntCmd[h], huntId[h], maps[h % maps.length].name(), random(), treasures, durationTicks,
            actorsPerHunt);
        for (int p = h * actorsPerHunt; p < Math.min(players, (h + 1) * actorsPerHunt); p++)
        {
            newPlayer(p);
        }
    }

    /** A fresh player in seat {@code p}: new actor id, knows nothing yet. */
    private void newPlayer(final int p)
    {
        playerByActor.remove(actorId[p]);
        actorId[p] = idBase + nextActorId++;
        playerByActor.put(actorId[p], p);
        state[p] = NEW;
        tile[p] = -1;
        pendingCmd[p] = 0;
        travelling[p] = false;
        reveal[p] = -1;
        digHere[p] = false;
        walkDir[p] = bounded(8);
        walked[p] = bounded(DIG_EVERY);
        scatter[p] = true;
        speedUntil[p] = 0;
        movedTick[p] = Long.MIN_VALUE;
        java.util.Arrays.fill(itemType[p], (byte)0);
        java.util.Arrays.fill(itemQty[p], (byte)0);
        visited[p].clear();
        dug[p].clear();
    }

    private boolean act(final int p, final CommandEvent into)
    {
        final int h = p / actorsPerHunt;
        if (pendingCmd[p] != 0 || lastActTick[p] == now || huntState[h] != HUNT_OPEN)
        {
            return false;
        }
        if (state[p] == NEW)
        {
            state[p] = JOINING;
            into.joinHunt(cmdId(), huntId[h], actorId[p]);
            return true;
        }
        if (state[p] != PLAYING || tile[p] < 0)
        {
            return false;
        }
        final GridMap map = maps[h % maps.length];
        if (travelling[p] && now >= arriveBy[p])
        {
            arrive(p, travelTarget[p]); // no actorArrived seen (a client without the event stream): dead reckoning
            movedTick[p] = now;
        }
        if (digHere[p] && !dug[p].get(tile[p]))
        {
            pendingArg[p] = tile[p];
            into.dig(cmdId(), actorId[p]);
            return true;
        }
        final int compass = slotOf(p, ItemType.COMPASS);
        if (compass >= 0 && reveal[p] < 0)
        {
            pendingArg[p] = compass;
            into.useItem(cmdId(), actorId[p], compass);
            return true;
        }
        if (travelling[p])
        {
            return false;
        }
        if (reveal[p] >= 0)
        {
            return tripTo(p, map, reveal[p], into);
        }
        return explore(p, map, into);
    }

    private boolean tripTo(final int p, final GridMap map, final int target, final CommandEvent into)
    {
        final int boots = slotOf(p, ItemType.BOOTS);
        if (boots >= 0 && speedUntil[p] <= now && octile(map, tile[p], target) > LONG_TRIP)
        {
            pendingArg[p] = boots;
            into.useItem(cmdId(), actorId[p], boots);
            return true;
        }
        pendingArg[p] = target;
        into.travel(cmdId(), actorId[p], map.x(target), map.y(target));
        return true;
    }

    /** One step to a neighbour not yet visited, keeping the heading when it can; else a trip to an unvisited tile. */
    private boolean explore(final int p, final GridMap map, final CommandEvent into)
    {
        final int at = tile[p];
        if (movedTick[p] == now && !scatter[p])
        {
            return false; // arrived this tick: the move budget is spent, step on next tick
        }
        for (int i = 0; i < 8 && !scatter[p]; i++)
        {
            final int d = (walkDir[p] + (i % 2 == 0 ? i / 2 : 8 - (i + 1) / 2)) & 7;
            final Direction dir = Direction.fromId(d);
            if (map.canStep(at, dir.dx(), dir.dy()))
            {
                final int next = map.tile(map.x(at) + dir.dx(), map.y(at) + dir.dy());
                if (!visited[p].get(next))
                {
                    walkDir[p] = d;
                    pendingArg[p] = next;
                    into.move(cmdId(), actorId[p], dir);
                    return true;
                }
            }
        }
        // Somewhere new within a short trip: far targets on the big maps cost long path searches on
        // the handler thread and take the player past ground it could have dug on the way.
        for (int tries = 0; tries < 32; tries++)
        {
            final int tx = map.x(at) + bounded(2 * TRIP_RADIUS + 1) - TRIP_RADIUS;
            final int ty = map.y(at) + bounded(2 * TRIP_RADIUS + 1) - TRIP_RADIUS;
            if (!map.inBounds(tx, ty))
            {
                continue;
            }
            final int t = map.tile(tx, ty);
            if (map.passableTile(t) && !visited[p].get(t) && t != at)
            {
                scatter[p] = false;
                return tripTo(p, map, t, into);
            }
        }
        return false;
    }

    /** An outcome of a command this instance wrote; others are ignored. */
    public void onOutcome(final long cmdId, final ResultCode code, final long steps)
    {
        for (int h = 0; h < hunts; h++)
        {
            if (huntCmd[h] == cmdId && huntState[h] == HUNT_CREATING)
            {
                huntState[h] = code.accepted() ? HUNT_OPEN : HUNT_DUE;
                return;
            }
        }
        final Integer seat = playerByCmd.remove(cmdId);
        if (seat == null || pendingCmd[seat] != cmdId)
        {
            return; // a command of a player that has since left
        }
        final int p = seat;
        pendingCmd[p] = 0;
        final int h = p / actorsPerHunt;
        if (code == ResultCode.UNKNOWN_ACTOR || code == ResultCode.UNKNOWN_HUNT)
        {
            huntOver(h); // its time ran out and nobody told us (no event stream): start over
            return;
        }
        final GridMap map = maps[h % maps.length];
        switch (pendingType[p])
        {
            case JOIN_HUNT:
                if (code == ResultCode.ACTOR_EXISTS)
                {
                    newPlayer(p); // someone else's actor has our id (an appended run): join under a new one
                }
                state[p] = code.accepted() ? PLAYING : NEW;
                break;
            case MOVE:
                if (code.accepted())
                {
                    tile[p] = pendingArg[p];
                    if (!visited[p].get(tile[p]))
                    {
                        visited[p].set(tile[p]);
                        digHere[p] = ++walked[p] % DIG_EVERY == 0;
                    }
                }
                else
                {
                    visited[p].set(pendingArg[p]);
                    walkDir[p] = bounded(8);
                }
                break;
            case DIG:
                dug[p].set(pendingArg[p]);
                digHere[p] = false;
                if (reveal[p] == pendingArg[p])
                {
                    reveal[p] = -1; // found it, or someone was faster
                }
                break;
            case TRAVEL:
                if (code.accepted())
                {
                    travelling[p] = true;
                    travelTarget[p] = pendingArg[p];
                    final long fast = speedUntil[p] > now ? 2 : 1;
                    arriveBy[p] = now + (steps > 0 ? (steps + fast - 1) / fast : octile(map, tile[p], pendingArg[p]) * 2L) + 1;
                }
                else
                {
                    visited[p].set(pendingArg[p]);
                    if (reveal[p] == pendingArg[p])
                    {
                        reveal[p] = -1;
                    }
                }
                break;
            case USE_ITEM:
                final int slot = pendingArg[p];
                if (code.accepted())
                {
                    if (--itemQty[p][slot] == 0)
                    {
                        itemType[p][slot] = 0;
                    }
                }
                else
                {
                    itemType[p][slot] = 0;
                    itemQty[p][slot] = 0;
                }
                break;
            default:
                break;
        }
    }

    /**
     * An event caused by one of this instance's commands or by a tick. Fields as in {@code GameEvent}:
     * {@code x}/{@code y} a tile, {@code value} a score, steps or expiry tick.
     */
    public void onEvent(final EventType type, final long hunt, final long actor, final int x, final int y,
        final ItemType item, final long value)
    {
        if (type == EventType.HUNT_COMPLETED)
        {
            final Integer h = huntById.get(hunt);
            if (h != null)
            {
                huntOver(h);
            }
            return;
        }
        final Integer seat = playerByActor.get(actor);
        if (seat == null)
        {
            return;
        }
        final int p = seat;
        final GridMap map = maps[(p / actorsPerHunt) % maps.length];
        switch (type)
        {
            case ACTOR_JOINED:
                tile[p] = map.tile(x, y);
                visited[p].set(tile[p]);
                break;
            case ACTOR_MOVED:
                tile[p] = map.tile(x, y);
                if (travelling[p])
                {
                    visited[p].set(tile[p]); // a step of its own move is counted by the move's outcome
                }
                break;
            case ACTOR_ARRIVED:
                arrive(p, map.tile(x, y));
                movedTick[p] = now + 1; // a tick's events are heard before the players are told it is that tick
                break;
            case TREASURE_FOUND:
                add(p, item);
                break;
            case TREASURE_REVEALED:
                final int t = map.tile(x, y);
                reveal[p] = dug[p].get(t) ? -1 : t;
                break;
            case EFFECT_STARTED:
                speedUntil[p] = value;
                break;
            default:
                break;
        }
    }

    private void arrive(final int p, final int at)
    {
        travelling[p] = false;
        tile[p] = at;
        visited[p].set(at);
        digHere[p] = !dug[p].get(at);
    }

    /** The hunt is over for everyone in it: its players leave, and a new hunt with new players is due. */
    private void huntOver(final int h)
    {
        if (huntState[h] == HUNT_OPEN)
        {
            huntState[h] = HUNT_DUE;
        }
    }

    /** Where the engine puts a treasure: a non-full stack of the same item first, else the first empty slot. */
    private void add(final int p, final ItemType item)
    {
        int empty = -1;
        for (int s = 0; s < SLOTS; s++)
        {
            if (itemType[p][s] == item.id() && itemQty[p][s] < STACK)
            {
                itemQty[p][s]++;
                return;
            }
            if (empty < 0 && itemType[p][s] == 0)
            {
                empty = s;
            }
        }
        if (empty >= 0)
        {
            itemType[p][empty] = item.id();
            itemQty[p][empty] = 1;
        }
    }

    private int slotOf(final int p, final ItemType item)
    {
        for (int s = 0; s < SLOTS; s++)
        {
            if (itemType[p][s] == item.id() && itemQty[p][s] > 0)
            {
                return s;
            }
        }
        return -1;
    }

    private static int octile(final GridMap map, final int a, final int b)
    {
        final int dx = Math.abs(map.x(a) - map.x(b));
        final int dy = Math.abs(map.y(a) - map.y(b));
        return Math.max(dx, dy) + (int)(0.42 * Math.min(dx, dy));
    }

    private long cmdId()
    {
        return idBase + nextCmdId++;
    }

    private long random()
    {
        rng = SplitMix64.nextState(rng);
        return SplitMix64.mix(rng);
    }

    private int bounded(final int bound)
    {
        return SplitMix64.bounded(random(), bound);
    }
}
