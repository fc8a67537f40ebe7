package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandSource;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.GameHandler;

import java.util.function.LongConsumer;

/**
 * The one loop that feeds journaled commands to a {@link GameHandler}. Replay, recovery, output
 * verification and the lockstep stepper all read, bound and apply through it, so where a replay
 * stops, what counts as a tick and when progress is reported mean the same thing in every tool.
 *
 * <p>The source stamps each entry's journal index (the {@link CommandSource} contract); the driver
 * keeps the index of the entry it will read next from that stamp, so bounds by index are decided
 * before reading and work with any source. Its tick count is its own: tick commands applied
 * through this driver, not the handler's total, so after a snapshot {@code tick:N} counts the ticks
 * after it. A source's exceptions (a corrupt entry's {@code JournalFormatException}, with its index)
 * pass through unchanged; the entry is not applied.
 *
 * <p>Replay runs at millions of commands a second, so the per-command path reuses one
 * {@link CommandEvent}, allocates nothing and calls only the source and the (final) handler; the
 * progress callback runs once every {@link #PROGRESS_EVERY} commands. Not thread-safe: use it on
 * the thread that owns the handler.
 */
public final class HandlerDriver
{
    /** Progress is reported whenever the handler's command count reaches a multiple of this. */
    public static final long PROGRESS_EVERY = 1 << 16;

    private final GameHandler handler;
    private final CommandEvent cmd = new CommandEvent();
    private CommandSource source;
    private long nextIndex;
    private long ticks;
    private long applied;
    private boolean endByTick;
    private long endValue = Long.MAX_VALUE;
    private LongConsumer progress;
    /** {@link #cmd} holds an entry already read but not applied: the first tick past a tick bound. */
    private boolean held;

    public HandlerDriver(final GameHandler handler)
    {
        this.handler = handler;
    }

    /**
     * Reads from {@code source} from now on. The caller opened it and closes it; {@code firstIndex}
     * is the journal index of its next entry (0, or the entry after a snapshot), which lets an index
     * bound stop the driver before it reads an entry it would not apply.
     */
    public HandlerDriver source(final CommandSource source, final long firstIndex)
    {
        this.source = source;
        this.nextIndex = firstIndex;
        this.held = false;
        return this;
    }

    /**
     * Stops after {@code last}, inclusive: that journal index, or the entry of that tick command as
     * this driver counts ticks; {@link ReplayBound#END} for no bound. Widening it later resumes.
     */
    public HandlerDriver until(final ReplayBound last)
    {
        this.endByTick = last.byTick();
        this.endValue = last.value();
        return this;
    }

    /** Hears the handler's command count now and then; null for silence. */
    public HandlerDriver progress(final LongConsumer progress)
    {
        this.progress = progress;
        return this;
    }

    /**
     * Applies entries until the source ends or the bound is reached.
     *
     * @return the number of commands this call applied
     */
    public long run()
    {
        final long before = applied;
        while (applyNext(Long.MAX_VALUE))
        {
            // applyNext does the work
        }
        return applied - before;
    }

    /**
     * Applies entries up to and including journal index {@code index}, for a caller that walks the
     * journal alongside another record of it.
     *
     * @return true once that entry has been applied (also when it already was); false when the source
     *         ended or the bound was reached first
     */
    public boolean runThrough(final long index)
    {
        while (nextIndex() <= index)
        {
            if (!applyNext(index))
            {
                return false;
            }
        }
        return true;
    }

    /** Applies the next entry; false, applying nothing, at the end of the source or past the bound. */
    public boolean step()
    {
        return applyNext(Long.MAX_VALUE);
    }

    /**
     * Reads the rest of the source without applying it, for a caller that has stopped applying but
     * needs the journal's length: a corrupt entry still throws.
     *
     * @return the number of entries read
     */
    public long readToEnd()
    {
        long read = 0;
        held = false;
        while (source.next(cmd))
        {
            nextIndex = cmd.journalIndex + 1;
            read++;
        }
        return read;
    }

    private boolean applyNext(final long throughIndex)
    {
        if (held)
        {
            if (nextIndex - 1 > throughIndex)
            {
                return false;
            }
        }
        else
        {
            if (nextIndex > throughIndex || !endByTick && nextIndex > endValue)
            {
                return false; // an index bound needs no read
            }
            if (!source.next(cmd))
            {
                return false;
            }
            nextIndex = cmd.journalIndex + 1;
        }
        final boolean tick = cmd.type == CommandType.TICK;
        if (tick && endByTick && ticks >= endValue)
        {
            held = true; // only reading it shows that this entry is the first tick past the bound
            return false;
        }
        held = false;
        if (tick)
        {
            ticks++;
        }
        handler.apply(cmd);
        applied++;
        if (progress != null && (handler.commands() & (PROGRESS_EVERY - 1)) == 0)
        {
            progress.accept(handler.commands());
        }
        return true;
    }

    /** The entry last read: applied, unless a tick bound held it back. Overwritten by the next read. */
    public CommandEvent command()
    {
        return cmd;
    }

    /** Journal index of the entry the driver reads next; after the last entry, the journal's length. */
    public long nextIndex()
    {
        return held ? nextIndex - 1 : nextIndex;
    }

    /** Tick commands applied through this driver. */
    public long ticks()
    {
        return ticks;
    }

    /** Commands applied through this driver, over all its sources. */
    public long applied()
    {
        return applied;
    }

    public GameHandler handler()
    {
        return handler;
    }
}
