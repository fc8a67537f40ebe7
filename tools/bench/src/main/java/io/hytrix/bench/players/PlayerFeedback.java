package io.hytrix.bench.players;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands the handler's outcomes and the events players care about to the thread that drives the
 * {@link Players}: a single-producer single-consumer ring of primitive records, written on the handler
 * thread without allocating and drained by the driver. Players see copies, never engine objects. When
 * the ring is full the handler waits for the driver, which drains whenever it waits itself.
 */
public final class PlayerFeedback implements EngineListener
{
    private static final int OUTCOME = -1;
    private static final int CAPACITY = 1 << 18;
    private static final int MASK = CAPACITY - 1;
    private static final EventType[] TYPES = EventType.values();
    private static final ResultCode[] CODES = ResultCode.values();
    private static final ItemType[] ITEMS = ItemType.values();

    private final int[] kind = new int[CAPACITY];
    private final long[] cmdOrHunt = new long[CAPACITY];
    private final long[] actor = new long[CAPACITY];
    private final int[] x = new int[CAPACITY];
    private final int[] y = new int[CAPACITY];
    private final int[] item = new int[CAPACITY];
    private final long[] value = new long[CAPACITY];
    /** Written by the handler thread only; the driver reads it. */
    private final AtomicLong head = new AtomicLong();
    /** Written by the driver only. */
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong outcomes = new AtomicLong();
    /** The value of the last travelStarted per command, paired with its outcome (handler thread). */
    private long steps;

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        switch (event.type)
        {
            case TRAVEL_STARTED:
                steps = event.value;
                return;
            case ACTOR_RANKED:
            case ACTOR_LEFT:
            case HUNT_CREATED:
            case EFFECT_EXPIRED:
                return;
            default:
                final long at = claim();
                final int i = (int)(at & MASK);
                kind[i] = event.type.ordinal();
                cmdOrHunt[i] = event.huntId;
                actor[i] = event.actorId;
                x[i] = event.x;
                y[i] = event.y;
                item[i] = event.item == null ? -1 : event.item.ordinal();
                value[i] = event.value;
                head.lazySet(at + 1);
        }
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        if (cmd.type != CommandType.TICK)
        {
            final long at = claim();
            final int i = (int)(at & MASK);
            kind[i] = OUTCOME;
            cmdOrHunt[i] = cmd.cmdId;
            item[i] = cmd.result.ordinal();
            value[i] = steps;
            head.lazySet(at + 1);
        }
        steps = 0;
        outcomes.lazySet(outcomes.get() + 1);
    }

    private long claim()
    {
        final long at = head.get();
        while (at - tail.get() >= CAPACITY)
        {
            Thread.onSpinWait();
        }
        return at;
    }

    /** Outcomes the handler has delivered so far (ticks included). */
    public long outcomes()
    {
        return outcomes.get();
    }

    /** Feeds everything delivered so far to {@code players}, in the handler's order. Driver thread. */
    public void drainTo(final Players players)
    {
        final long end = head.get();
        for (long at = tail.get(); at < end; at++)
        {
            final int i = (int)(at & MASK);
            if (kind[i] == OUTCOME)
            {
                players.onOutcome(cmdOrHunt[i], CODES[item[i]], value[i]);
            }
            else
            {
                players.onEvent(TYPES[kind[i]], cmdOrHunt[i], actor[i], x[i], y[i], item[i] < 0 ? null : ITEMS[item[i]],
                    value[i]);
            }
        }
        tail.lazySet(end);
    }
}
