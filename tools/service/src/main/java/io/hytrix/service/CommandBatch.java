package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;

/**
 * The commands of one request, parsed and validated, ready to be copied into the ring. One batch
 * per Netty event loop thread, reused request after request: it grows to the largest batch seen
 * (bounded by the per-request limit) and is never shared between threads.
 */
final class CommandBatch
{
    private CommandEvent[] commands = new CommandEvent[16];
    private int count;
    /** The body was a JSON array, so the answer is an array too. */
    boolean array;

    CommandBatch()
    {
        for (int i = 0; i < commands.length; i++)
        {
            commands[i] = new CommandEvent();
        }
    }

    void clear()
    {
        count = 0;
        array = false;
    }

    /** The next template to fill; becomes part of the batch at once (a parse error discards the whole batch). */
    CommandEvent add()
    {
        if (count == commands.length)
        {
            final CommandEvent[] grown = java.util.Arrays.copyOf(commands, commands.length * 2);
            for (int i = commands.length; i < grown.length; i++)
            {
                grown[i] = new CommandEvent();
            }
            commands = grown;
        }
        return commands[count++];
    }

    int size()
    {
        return count;
    }

    CommandEvent get(final int index)
    {
        return commands[index];
    }

    CommandEvent[] commands()
    {
        return commands;
    }
}
