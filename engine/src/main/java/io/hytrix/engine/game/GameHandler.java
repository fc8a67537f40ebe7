package io.hytrix.engine.game;

import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.util.Hash64;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.PathCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single business-logic handler: the only code that reads or writes game state. The live
 * pipeline, replay and recovery all drive this same class, so there is one copy of every rule.
 *
 * <p>Exception policy (the one place for it): a command that throws is rejected with
 * {@link ResultCode#INTERNAL}, logged with its journal index, and the next command is applied as usual.
 */
public final class GameHandler implements EventHandler<CommandEvent>, StateView
{
    /**
     * Default idempotency window: the last 65,536 commands (3 s at 20,000 commands/s, 6.5 s at the
     * demo's 10,000). Its index is probed three times per command, so it is sized to stay near the
     * cache: replaying a 10M-command journal took 7.2 s with 262,144, 6.1 s with 65,536 (and 3.7-5.1 s
     * once LongIntMap kept key and value in one cache line).
     */
    public static final int DEFAULT_IDEMPOTENCY_WINDOW = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(GameHandler.class);

    static
    {
        // Classes met only on rare paths are initialised now, not on the handler thread mid-run: the
        // first hunt completion (30 s into the demo) loaded CompletionReason from the jar there, about
        // 4 kB of allocation and a file read (found with JFR, -XX:-UseTLAB, ObjectAllocationOutsideTLAB).
        for (final Class<?> rare : new Class<?>[] { CompletionReason.class, EffectType.class, ItemType.class,
            EventType.class, EventField.class, ResultCode.class, CommandField.class,
            io.hytrix.engine.command.OutcomeDetail.class })
        {
            initialise(rare);
        }
    }

    private final GameState state;
    private final Events events;
    private final HuntLifecycle lifecycle;
    private final ActorActions actions;
    private final Clock clock;
    private final EngineListener listener;
    private final StateHasher hasher = new StateHasher();
    private final Hash64 fieldHash = new Hash64();
    private final SubsystemHashes checksum = new SubsystemHashes();
    private final IdempotencyWindow recent;
    private int checksumEveryTicks;
    private long ticks;
    private long commands;
    private long lastJournalIndex = -1;
    private long rejections;
    private long internalErrors;

    public GameHandler(final MapCatalog maps, final PathCache paths, final EngineListener listener)
    {
        this(maps, paths, listener, DEFAULT_IDEMPOTENCY_WINDOW);
    }

    /**
     * @param idempotencyWindow how many recent cmdIds are remembered; part of the game's meaning, so a
     *                          journal must be replayed with the window it was written with.
     */
    public GameHandler(final MapCatalog maps, final PathCache paths, final EngineListener listener,
        final int idempotencyWindow)
    {
        this.recent = new IdempotencyWindow(idempotencyWindow);
        this.state = new GameState(maps, paths);
        this.listener = listener;
        this.events = new Events(listener);
        this.lifecycle = new HuntLifecycle(state, events);
        this.actions = new ActorActions(state, events, lifecycle);
        this.clock = new Clock(state, events, lifecycle);
    }

    private static void initialise(final Class<?> type)
    {
        try
        {
            Class.forName(type.getName(), true, type.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void onEvent(final CommandEvent cmd, final long sequence, final boolean endOfBatch)
    {
        apply(cmd);
    }

    /** Applies one command, records its outcome in {@code cmd} and reports it to the listener. */
    public void apply(final CommandEvent cmd)
    {
        cmd.eventCount = 0;
        cmd.duplicate = false;
        cmd.detail = 0;
        cmd.tick = ticks;
        events.cause(cmd);
        if (cmd.isQuery())
        {
            listener.onQuery(cmd, this);
            return;
        }
        if (cmd.journalFailed)
        {
            // Journal first: what is not in the journal is never applied.
            cmd.result = ResultCode.JOURNAL_UNAVAILABLE;
            listener.onOutcome(cmd);
            return;
        }
        final boolean tick = cmd.type == CommandType.TICK;
        // The rules that decide this command: its hunt's, fixed at createHunt, else the command's own.
        final int rules = tick ? cmd.rules : rulesOf(cmd);
        if (!tick && rules >= 2 && cmd.cmdId < 0)
        {
            // Ticks own the negative range; refused before the window, which never holds such an id.
            finish(cmd, ResultCode.NEGATIVE_CMD_ID);
            return;
        }
        final long fields = !tick && rules >= 2 ? fieldDigest(cmd) : 0;
        final int earlierAt = tick ? -1 : recent.find(cmd.cmdId);
        ResultCode earlier = null;
        if (earlierAt >= 0)
        {
            final long recorded = recent.fieldDigestIn(earlierAt);
            if (fields != 0 && recorded != 0 && recorded != fields)
            {
                // Same cmdId, other fields: a client bug, not a retry. Neither applied nor remembered.
                finish(cmd, ResultCode.CMD_ID_CONFLICT);
                return;
            }
            earlier = recent.resultIn(earlierAt);
        }
        try
        {
            if (earlier != null)
            {
                cmd.result = earlier;
                cmd.duplicate = true;
            }
            else
            {
                cmd.result = dispatch(cmd);
            }
        }
        catch (final RuntimeException ex)
        {
            cmd.result = ResultCode.INTERNAL;
            internalErrors++;
            LOG.error("command at journal index {} failed and was rejected with INTERNAL: {}", cmd.journalIndex, cmd, ex);
        }
        if (earlier == null && !tick)
        {
            recent.record(cmd.cmdId, cmd.result, fields);
        }
        commands++;
        lastJournalIndex = cmd.journalIndex;
        if (cmd.result != ResultCode.ACCEPTED)
        {
            rejections++;
        }
        if (cmd.type == CommandType.TICK)
        {
            cmd.tick = ++ticks;
            if (checksumEveryTicks > 0 && ticks % checksumEveryTicks == 0)
            {
                listener.onChecksum(cmd, checksum.compute(state, recent));
            }
        }
        listener.onOutcome(cmd);
    }

    /** A rejection decided before dispatch: counted like any command, not put in the window. */
    private void finish(final CommandEvent cmd, final ResultCode result)
    {
        cmd.result = result;
        commands++;
        rejections++;
        lastJournalIndex = cmd.journalIndex;
        listener.onOutcome(cmd);
    }

    /**
     * The rules version a command is applied under: that of the running hunt it names (directly or through
     * its actor), so a hunt created under rules 1 keeps them to its end whatever build writes the later
     * commands; a command that names no running hunt (a createHunt, an unknown id) uses its own.
     */
    private int rulesOf(final CommandEvent cmd)
    {
        if (cmd.type == null)
        {
            return cmd.rules;
        }
        switch (cmd.type)
        {
            case CREATE_HUNT:
                return cmd.rules;
            case JOIN_HUNT:
            case END_HUNT:
            {
                final int huntSlot = state.huntIndex.get(cmd.huntId);
                return huntSlot < 0 ? cmd.rules : state.hunts[huntSlot].rules;
            }
            default:
            {
                final int actorSlot = state.actorIndex.get(cmd.actorId);
                return actorSlot < 0 ? cmd.rules : state.hunts[state.actors[actorSlot].huntSlot].rules;
            }
        }
    }

    /**
     * A digest of the command's type and fields, from the {@link CommandField} table so every field is
     * covered; never 0, which marks a window entry that kept none.
     */
    private long fieldDigest(final CommandEvent cmd)
    {
        final CommandType type = cmd.type;
        if (type == null)
        {
            return 1;
        }
        fieldHash.reset().add(type.id());
        for (int i = 0, n = type.fieldCount(); i < n; i++)
        {
            final CommandField field = type.field(i);
            if (field.isNumeric())
            {
                fieldHash.add(field.get(cmd));
            }
            else
            {
                fieldHash.add(cmd.mapName, cmd.mapNameLength);
            }
        }
        final long value = fieldHash.value();
        return value == 0 ? 1 : value;
    }

    /**
     * Reports {@link SubsystemHashes} to the listener after every {@code everyTicks}-th tick command
     * since the journal's start (0 turns it off). Only outputs depend on it, never state, so it may
     * change between runs; set it on the handler thread or before the pipeline starts.
     */
    public GameHandler checksumEveryTicks(final int everyTicks)
    {
        if (everyTicks < 0)
        {
            throw new IllegalArgumentException("checksum interval must be >= 0 ticks, got " + everyTicks);
        }
        checksumEveryTicks = everyTicks;
        return this;
    }

    public int checksumEveryTicks()
    {
        return checksumEveryTicks;
    }

    /** Tick commands applied since the journal's start (restored from snapshots). */
    public long ticks()
    {
        return ticks;
    }

    private ResultCode dispatch(final CommandEvent cmd)
    {
        if (cmd.type == null)
        {
            return ResultCode.UNKNOWN_COMMAND;
        }
        switch (cmd.type)
        {
            case CREATE_HUNT: return lifecycle.create(cmd);
            case JOIN_HUNT: return lifecycle.join(cmd);
            case TRAVEL: return actions.travel(cmd);
            case MOVE: return actions.move(cmd);
            case DIG: return actions.dig(cmd);
            case USE_ITEM: return actions.useItem(cmd);
            case LEAVE_HUNT: return lifecycle.leave(cmd);
            case END_HUNT: return lifecycle.end(cmd);
            case TICK:
                clock.tick();
                return ResultCode.ACCEPTED;
            default: return ResultCode.UNKNOWN_COMMAND;
        }
    }

    /** Call only on the handler thread, or after the pipeline has halted. */
    @Override
    public long stateHash()
    {
        return hasher.hash(state, recent);
    }

    @Override
    public void writeSnapshot(final java.io.DataOutput out) throws java.io.IOException
    {
        StateSnapshot.write(this, out);
    }

    /** The hash of hunts, treasures and actors alone, without the idempotency window. */
    public long worldHash()
    {
        return hasher.worldHash(state);
    }

    @Override
    public Hunt hunt(final long huntId)
    {
        return state.hunt(huntId);
    }

    @Override
    public Actor actor(final long actorId)
    {
        return state.actor(actorId);
    }

    @Override
    public Hunt huntOf(final Actor actor)
    {
        return state.hunts[actor.huntSlot];
    }

    @Override
    public long lastJournalIndex()
    {
        return lastJournalIndex;
    }

    @Override
    public int runningHunts()
    {
        return state.runningHuntCount();
    }

    @Override
    public int actors()
    {
        return state.actorCount();
    }

    /** For {@link StateSnapshot#read}: counters of the commands the snapshot covers. */
    void restoreCounters(final long lastIndex, final long commandCount, final long rejectionCount,
        final long internalErrorCount, final long eventCount, final long tickCount)
    {
        ticks = tickCount;
        lastJournalIndex = lastIndex;
        commands = commandCount;
        rejections = rejectionCount;
        internalErrors = internalErrorCount;
        events.restoreEmitted(eventCount);
    }

    public IdempotencyWindow idempotencyWindow()
    {
        return recent;
    }

    /** Read-only view for tests and single-threaded tools; never touch it from another thread while live. */
    public GameState state()
    {
        return state;
    }

    @Override
    public long commands()
    {
        return commands;
    }

    public long rejections()
    {
        return rejections;
    }

    public long internalErrors()
    {
        return internalErrors;
    }

    public long events()
    {
        return events.emitted();
    }
}
