package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;

/**
 * The handler's output path, called on the handler thread. Implementations must not block and must
 * copy anything they keep: both arguments are reused.
 */
public interface EngineListener
{
    EngineListener NONE = new EngineListener()
    {
        @Override
        public void onEvent(final CommandEvent cause, final GameEvent event)
        {
        }

        @Override
        public void onOutcome(final CommandEvent cmd)
        {
        }
    };

    /** One domain event caused by {@code cause}, in emission order, before its outcome. */
    void onEvent(CommandEvent cause, GameEvent event);

    /** The command's outcome ({@link CommandEvent#result}), after all of its events. */
    void onOutcome(CommandEvent cmd);

    /**
     * The subsystem hashes after a tick command whose count is a multiple of the handler's checksum
     * interval; called before that command's {@link #onOutcome}. {@code hashes} is reused.
     */
    default void onChecksum(final CommandEvent tick, final SubsystemHashes hashes)
    {
    }

    /**
     * Answers a query ({@link CommandEvent#query}) on the handler thread: read what is needed from
     * {@code view} now, it must not escape. The default ignores queries.
     */
    default void onQuery(final CommandEvent query, final StateView view)
    {
    }
}
