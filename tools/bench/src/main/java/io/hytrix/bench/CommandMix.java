package io.hytrix.bench;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.journal.JournalCodec;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.bench.workload.WorkloadRun;
import net.openhft.chronicle.bytes.Bytes;

import java.util.EnumMap;
import java.util.Map;

/**
 * A representative command mix, generated once before any timing: the demo matchmaker's sequence
 * for 2,500 actors in hunts of 100 on the scenario maps (creates, joins, a tick every 1,000 actor
 * commands, then travel/dig/useItem/move), and the same commands as {@link JournalCodec} bytes.
 * Rows cycle through it, giving each command a fresh cmdId so none is taken for a retry; after the
 * first pass most travels hit the path cache, as in a long-running service.
 */
final class CommandMix
{
    final CommandEvent[] commands;
    final byte[] encoded;
    final int[] offsets;
    final int[] lengths;
    private long nextCmdId = 1;

    private CommandMix(final CommandEvent[] commands, final byte[] encoded, final int[] offsets, final int[] lengths)
    {
        this.commands = commands;
        this.encoded = encoded;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    static CommandMix generate(final int size, final int actors)
    {
        final ShippedMaps catalog = new ShippedMaps();
        final GridMap[] maps = new GridMap[WorkloadRun.MAPS.length];
        for (int i = 0; i < maps.length; i++)
        {
            maps[i] = catalog.require(WorkloadRun.MAPS[i]);
        }
        final int perWindow = actors * 4 / 10;
        final MatchmakerScript script = new MatchmakerScript(1, actors, 100, 300, perWindow, maps);
        final CommandEvent[] commands = new CommandEvent[size];
        final int[] offsets = new int[size];
        final int[] lengths = new int[size];
        final Bytes<?> scratch = Bytes.allocateElasticOnHeap(JournalCodec.MAX_ENCODED_LENGTH);
        byte[] encoded = new byte[size * 24];
        int used = 0;
        for (int i = 0; i < size; i++)
        {
            final CommandEvent cmd = new CommandEvent();
            script.next(cmd);
            commands[i] = cmd;
            scratch.clear();
            final int length = JournalCodec.encode(cmd, scratch);
            if (used + length > encoded.length)
            {
                encoded = java.util.Arrays.copyOf(encoded, encoded.length * 2);
            }
            scratch.read(encoded, used, length);
            offsets[i] = used;
            lengths[i] = length;
            used += length;
        }
        scratch.releaseLast();
        return new CommandMix(commands, java.util.Arrays.copyOf(encoded, used), offsets, lengths);
    }

    /** The same mix without its travel commands: no A* searches, so what is left is the pipeline and game bookkeeping. */
    CommandMix withoutTravel()
    {
        int n = 0;
        for (final CommandEvent cmd : commands)
        {
            n += cmd.type == CommandType.TRAVEL ? 0 : 1;
        }
        final CommandEvent[] kept = new CommandEvent[n];
        final int[] keptOffsets = new int[n];
        final int[] keptLengths = new int[n];
        int k = 0;
        for (int i = 0; i < commands.length; i++)
        {
            if (commands[i].type != CommandType.TRAVEL)
            {
                kept[k] = commands[i];
                keptOffsets[k] = offsets[i];
                keptLengths[k] = lengths[i];
                k++;
            }
        }
        return new CommandMix(kept, encoded, keptOffsets, keptLengths);
    }

    int size()
    {
        return commands.length;
    }

    /** The i-th command (cyclically) with a fresh cmdId, ready to publish, apply or append. */
    CommandEvent next(final long i)
    {
        final CommandEvent cmd = commands[(int)(i % commands.length)];
        cmd.cmdId = nextCmdId++;
        return cmd;
    }

    double meanEncodedBytes()
    {
        long total = 0;
        for (final int length : lengths)
        {
            total += length;
        }
        return (double)total / lengths.length;
    }

    /** e.g. {@code TRAVEL=38% DIG=30% ...}. */
    String describe()
    {
        final Map<CommandType, Integer> counts = new EnumMap<>(CommandType.class);
        for (final CommandEvent cmd : commands)
        {
            counts.merge(cmd.type, 1, Integer::sum);
        }
        final StringBuilder sb = new StringBuilder();
        counts.forEach((type, n) -> sb.append(sb.length() == 0 ? "" : " ").append(type.wireName()).append('=')
            .append(BenchFormat.percent((double)n / commands.length)));
        return sb.toString();
    }
}
