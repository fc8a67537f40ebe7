package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;

/**
 * A position in a journal, by journal index ({@code 1200}) or by tick ({@code tick:30}, the entry
 * of the 30th tick command). As a start it opens a {@link ReplayWindow}; as an inclusive end it
 * stops a {@link HandlerDriver}. Either way state is built from the start: a window only filters.
 */
public record ReplayBound(boolean byTick, long value)
{
    public static final ReplayBound START = new ReplayBound(false, 0);
    public static final ReplayBound END = new ReplayBound(false, Long.MAX_VALUE);

    public static ReplayBound parse(final String text)
    {
        final boolean tick = text.startsWith("tick:");
        final String number = tick ? text.substring(5) : text;
        try
        {
            final long value = Long.parseLong(number);
            if (value < 0)
            {
                throw new NumberFormatException();
            }
            return new ReplayBound(tick, value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("a journal position is an index (e.g. 1200) or a tick (e.g. tick:30), got '"
                + text + "'");
        }
    }

    /** Whether an entry lies at or after this bound as a start: for the entry about to be applied. */
    public boolean reached(final CommandEvent cmd, final long ticksBefore)
    {
        return byTick ? ticksBefore + (cmd.type == CommandType.TICK ? 1 : 0) >= value : cmd.journalIndex >= value;
    }

    @Override
    public String toString()
    {
        return byTick ? "tick:" + value : Long.toString(value);
    }
}
