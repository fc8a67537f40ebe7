package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandType;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Selects journal entries by index range, command type, actor and hunt. The hunt filter follows
 * actors: it keeps the commands that name the hunt and the commands of actors last seen joining
 * it (a {@code joinHunt} in the journal, accepted or not), so feed it every entry in order.
 */
public final class CommandFilter
{
    private final long from;
    private final long to;
    private final Set<CommandType> types;
    private final Long actorId;
    private final Long huntId;
    private final Map<Long, Long> huntOfActor = new HashMap<>();

    /**
     * @param to    last index included; Long.MAX_VALUE for all
     * @param types empty for all types
     */
    public CommandFilter(final long from, final long to, final Set<CommandType> types, final Long actorId, final Long huntId)
    {
        this.from = from;
        this.to = to;
        this.types = types.isEmpty() ? EnumSet.allOf(CommandType.class) : EnumSet.copyOf(types);
        this.actorId = actorId;
        this.huntId = huntId;
    }

    /** Parses a comma-separated list of command names, e.g. {@code travel,dig}. */
    public static Set<CommandType> types(final String list)
    {
        final Set<CommandType> types = EnumSet.noneOf(CommandType.class);
        if (list == null)
        {
            return types;
        }
        for (final String name : list.split(","))
        {
            final CommandType type = CommandType.fromWireName(name.trim());
            if (type == null)
            {
                throw new IllegalArgumentException("unknown command type '" + name.trim() + "' (createHunt, joinHunt, "
                    + "travel, move, dig, useItem, leaveHunt, endHunt, tick)");
            }
            types.add(type);
        }
        return types;
    }

    /** Whether to keep this entry; call once per entry, in journal order. */
    public boolean accept(final CommandEvent cmd)
    {
        if (cmd.type == CommandType.JOIN_HUNT)
        {
            huntOfActor.put(cmd.actorId, cmd.huntId);
        }
        if (cmd.journalIndex < from || cmd.journalIndex > to || !types.contains(cmd.type))
        {
            return false;
        }
        if (actorId != null && !(has(cmd, CommandField.ACTOR_ID) && cmd.actorId == actorId))
        {
            return false;
        }
        if (huntId != null)
        {
            final boolean namesHunt = has(cmd, CommandField.HUNT_ID) && cmd.huntId == huntId;
            final boolean actorInHunt = has(cmd, CommandField.ACTOR_ID) && huntId.equals(huntOfActor.get(cmd.actorId));
            return namesHunt || actorInHunt || cmd.type == CommandType.TICK;
        }
        return true;
    }

    /** True once every later entry would be past the range. */
    public boolean pastEnd(final long index)
    {
        return index > to;
    }

    private static boolean has(final CommandEvent cmd, final CommandField field)
    {
        return cmd.type.has(field);
    }
}
