package io.hytrix.replay.verify;

import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.engine.util.Hash64;
import io.hytrix.journal.output.OutputRecord;

import java.util.ArrayList;
import java.util.List;

/** An output record as YAML lines, in the shape the journal diff prints, for side-by-side reports. */
public final class OutputText
{
    private OutputText()
    {
    }

    public static List<String> lines(final OutputRecord record)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("tick: " + record.tick());
        lines.add("outcome: " + record.result() + (record.duplicate() ? " (duplicate)" : ""));
        lines.add("events:" + (record.eventCount() == 0 ? " []" : ""));
        final GameEvent event = new GameEvent();
        for (int i = 0; i < record.eventCount(); i++)
        {
            lines.add("  - " + record.event(i, event));
        }
        if (record.hasChecksum())
        {
            lines.add("checksum:");
            final SubsystemHashes hashes = record.checksum(new SubsystemHashes());
            for (final Subsystem s : Subsystem.all())
            {
                lines.add("  " + s.label() + ": " + Hash64.hex(hashes.value(s)));
            }
        }
        return lines;
    }

    /** Actors the record's events name, in first-seen order. */
    public static List<Long> actors(final OutputRecord record)
    {
        final List<Long> actors = new ArrayList<>();
        final GameEvent event = new GameEvent();
        for (int i = 0; i < record.eventCount(); i++)
        {
            final long actor = record.event(i, event).actorId;
            if (actor != 0 && !actors.contains(actor))
            {
                actors.add(actor);
            }
        }
        return actors;
    }
}
