package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.replay.codec.CommandJsonReader;

/**
 * The commands of one request, parsed and validated, ready to be copied into the ring. One batch
 * per Netty event loop thread, reused request after request: it grows to the largest batch seen
 * (bounded by the per-request limit) and is never shared between threads.
 */
final class CommandBatch implements CommandJsonReader.Batch
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

    @Override
    public void clear()
    {
        count = 0;
        array = false;
    }

    @Override
    public CommandEvent add()
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

    @Override
    public int size()
    {
        return count;
    }

    @Override
    public void markArray()
    {
        array = true;
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
