package io.hytrix.cli.crash;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the journal incrementally through the engine's own handler (the journal's reader, the
 * engine's rules: what {@code ./hytrix replay} does) and records, per cmdId, the occurrence that was
 * applied: the first one. Every later occurrence must have been answered as a duplicate with the same
 * result, or the cmdId was applied twice. Ticks are exempt from idempotency and skipped.
 */
final class JournalChecker implements EngineListener
{
    /** Where and how a cmdId was applied. */
    record Applied(long journalIndex, ResultCode result)
    {
    }

    private final Path journal;
    private final List<String> failures;
    private final GameHandler handler = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), this);
    private final Map<Long, Applied> applied = new HashMap<>();
    private final CommandEvent cmd = new CommandEvent();
    private long next;
    private long duplicates;

    JournalChecker(final Path journal, final List<String> failures)
    {
        this.journal = journal;
        this.failures = failures;
    }

    /** Applies entries up to and including {@code last}; fails if the journal ends before it. */
    void advanceTo(final long last)
    {
        if (last < next - 1)
        {
            failures.add("the server reports journal index " + last + " but entries up to " + (next - 1)
                + " were already seen: the journal lost entries");
            return;
        }
        read(last);
        if (next <= last)
        {
            failures.add("the server reports journal index " + last + " but the journal ends at " + (next - 1));
        }
    }

    /** Applies every entry left. */
    void advanceToEnd()
    {
        read(Long.MAX_VALUE);
    }

    private void read(final long last)
    {
        if (next > last || !Files.isDirectory(journal))
        {
            return;
        }
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal, next))
        {
            while (next <= last && source.next(cmd))
            {
                handler.apply(cmd);
                next++;
            }
        }
    }

    long stateHash()
    {
        return handler.stateHash();
    }

    long entries()
    {
        return next;
    }

    long duplicates()
    {
        return duplicates;
    }

    /** The applied occurrence of a cmdId, or null if the journal never held it. */
    Applied applied(final long cmdId)
    {
        return applied.get(cmdId);
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
    }

    @Override
    public void onOutcome(final CommandEvent c)
    {
        if (c.type == CommandType.TICK)
        {
            return;
        }
        final Applied first = applied.get(c.cmdId);
        if (first == null)
        {
            if (c.duplicate)
            {
                failures.add("cmdId " + c.cmdId + " at journal index " + c.journalIndex + " is its first occurrence but was answered as a duplicate");
            }
            applied.put(c.cmdId, new Applied(c.journalIndex, c.result));
            return;
        }
        if (!c.duplicate)
        {
            failures.add("cmdId " + c.cmdId + " was applied twice: at journal indexes " + first.journalIndex() + " and " + c.journalIndex);
        }
        else if (c.result != first.result())
        {
            failures.add("cmdId " + c.cmdId + " at journal index " + c.journalIndex + " was answered " + c.result
                + " as a duplicate of " + first.result());
        }
        duplicates++;
    }
}
