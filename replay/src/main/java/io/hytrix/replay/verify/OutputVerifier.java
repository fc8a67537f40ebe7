package io.hytrix.replay.verify;

import io.hytrix.engine.game.StateSnapshot;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.util.Hash64;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.journal.output.OutputReader;
import io.hytrix.journal.output.OutputRecord;
import io.hytrix.journal.output.OutputRecorder;
import io.hytrix.replay.ActorTracer;
import io.hytrix.replay.HandlerDriver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Checks a journal against the outputs the live engine recorded beside it: replays the journal
 * through this build's handler with the same checksum interval, re-records each command's outputs
 * with the same {@link OutputRecorder}, and compares record by record, byte for byte. Reports the
 * first command whose outcome or events differ and the first checksum that differs, by subsystem;
 * it stops at that checksum. Bytes are decoded to text only for the report.
 */
public final class OutputVerifier implements OutputRecorder.Sink
{
    private final GameHandler handler;
    private final HandlerDriver driver;
    private final OutputRecord replayed = new OutputRecord();
    private final SubsystemHashes recordedHashes = new SubsystemHashes();
    private final SubsystemHashes replayedHashes = new SubsystemHashes();
    private VerifyReport.OutputDifference outputDifference;
    private VerifyReport.ChecksumDifference checksumDifference;
    private long commands;
    private long checksums;
    private long startIndex;

    public OutputVerifier(final MapCatalog maps, final PathCache paths)
    {
        this.handler = new GameHandler(maps, paths, new OutputRecorder(this));
        this.driver = new HandlerDriver(handler);
    }

    /**
     * Starts from a snapshot instead of the journal's first entry (needed once the journal is pruned):
     * records of the commands it covers are not compared. Its tick count keeps checksums aligned.
     */
    public OutputVerifier startFrom(final byte[] snapshotPayload) throws java.io.IOException
    {
        StateSnapshot.restore(handler, snapshotPayload);
        startIndex = handler.lastJournalIndex() + 1;
        return this;
    }

    /**
     * Replays {@code journal} from its first entry (or the snapshot's), comparing with the records in {@code outputs}.
     *
     * @param progress hears the number of journal entries applied now and then; may be null
     */
    public VerifyReport run(final Path journal, final Path outputs, final LongConsumer progress)
    {
        final OutputRecord recorded = new OutputRecord();
        long lastRecorded = -1;
        String problem = null;
        try (OutputReader reader = OutputReader.open(outputs); ChronicleCommandSource source = ChronicleCommandSource.open(journal, startIndex))
        {
            driver.source(source, startIndex).progress(progress);
            while (checksumDifference == null && reader.next(recorded))
            {
                if (!recorded.isCommand())
                {
                    handler.checksumEveryTicks(recorded.checksumEveryTicks());
                    continue;
                }
                final long index = recorded.journalIndex();
                if (index < startIndex)
                {
                    continue; // covered by the snapshot
                }
                if (index < driver.nextIndex())
                {
                    problem = "the outputs record journal index " + index + " again, after index " + lastRecorded;
                    break;
                }
                if (!driver.runThrough(index))
                {
                    problem = "the outputs record journal index " + index + " but the journal ends after "
                        + driver.nextIndex() + " entries";
                    break;
                }
                lastRecorded = index;
                compare(recorded);
            }
            if (problem == null && checksumDifference == null)
            {
                driver.readToEnd(); // entries after the last record: counted, not compared
            }
            if (problem == null && commands == 0)
            {
                problem = "the outputs in " + outputs + " record no commands: nothing was verified";
            }
            return new VerifyReport(commands, checksums, driver.nextIndex(), Math.max(lastRecorded, startIndex - 1), outputDifference,
                checksumDifference, problem);
        }
    }

    @Override
    public void accept(final OutputRecord record)
    {
        replayed.copyFrom(record);
    }

    private void compare(final OutputRecord recorded)
    {
        commands++;
        if (recorded.sameAs(replayed))
        {
            checksums += recorded.hasChecksum() ? 1 : 0;
            return;
        }
        if (outputDifference == null && !recorded.sameOutputsAs(replayed))
        {
            outputDifference = outputDifference(recorded);
        }
        if (recorded.hasChecksum())
        {
            checksums++;
            compareChecksums(recorded);
        }
    }

    private VerifyReport.OutputDifference outputDifference(final OutputRecord recorded)
    {
        final CommandEvent cmd = driver.command();
        final Map<Long, String> actors = new LinkedHashMap<>();
        if (cmd.type != null && cmd.type.has(CommandField.ACTOR_ID))
        {
            actors.put(cmd.actorId, null);
        }
        OutputText.actors(recorded).forEach(a -> actors.put(a, null));
        OutputText.actors(replayed).forEach(a -> actors.put(a, null));
        actors.replaceAll((id, ignored) -> ActorTracer.describe(handler, id));
        return new VerifyReport.OutputDifference(recorded.journalIndex(), recorded.tick(), cmd.toString(),
            OutputText.lines(recorded), OutputText.lines(replayed), actors);
    }

    private void compareChecksums(final OutputRecord recorded)
    {
        recorded.checksum(recordedHashes);
        final List<Subsystem> differing = new ArrayList<>();
        final StringBuilder detail = new StringBuilder();
        if (!replayed.hasChecksum())
        {
            differing.addAll(List.of(Subsystem.all()));
            detail.append("this replay computed no checksum at this command");
        }
        else
        {
            replayed.checksum(replayedHashes);
            for (final Subsystem s : Subsystem.all())
            {
                if (recordedHashes.value(s) != replayedHashes.value(s))
                {
                    differing.add(s);
                    detail.append(detail.length() == 0 ? "" : "\n").append(s.label()).append(": recorded ")
                        .append(Hash64.hex(recordedHashes.value(s))).append(", replayed ")
                        .append(Hash64.hex(replayedHashes.value(s)));
                }
            }
        }
        if (!differing.isEmpty())
        {
            checksumDifference = new VerifyReport.ChecksumDifference(recorded.journalIndex(), recorded.tick(), differing,
                detail.toString());
        }
    }

    /** The handler after verification, for the final state hash. */
    public GameHandler handler()
    {
        return handler;
    }
}
