package io.hytrix.service;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.WaitStrategyName;
import io.hytrix.journal.JournalConfig;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link Node} is built from, grouped by concern.
 *
 * @param journal   where commands are journaled, fresh or appended, and how durably
 * @param outputs   where outcomes, events and checksums are recorded; null for {@code JOURNAL.outputs}
 * @param snapshots when snapshots are taken and where they go
 * @param pipeline  ring size, thread layout and wait strategy
 * @param tickHz    ticks the node's clock posts per second (0: the caller posts its own ticks)
 * @param maps      extra maps searched before the shipped ones, or null
 * @param minFreeDiskBytes below this much free space on the journal's file system, writes are refused
 *                  (503) until there is room again: before the disk is full, not after (0: no check)
 */
public record NodeSettings(JournalConfig journal, OutputSettings outputs, SnapshotSettings snapshots,
    PipelineConfig pipeline, int tickHz, Path maps, long minFreeDiskBytes)
{
    /** Room for about two million journaled commands, and far more than arrives between two checks. */
    public static final long DEFAULT_MIN_FREE_DISK_BYTES = 64L << 20;

    // Blocking rather than yielding: three consumer threads (journaller, handler, egress) spinning or
    // napping on a 2-core box starve the event loops and the clients that feed them. Measured with loadgen
    // at 20,000 commands/s: blocking gave p50 3.1 ms and 16 s of CPU, sleeping 5.2 ms and 21 s. Counted
    // blocking blocks the same way and locks only when a consumer waits.
    private static final PipelineConfig SERVICE_PIPELINE = PipelineConfig.defaults()
        .withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING);

    /** A node appending to {@code journal}: outputs beside it, default snapshots, a 10 Hz clock. */
    public static NodeSettings journalingTo(final Path journal)
    {
        return new NodeSettings(JournalConfig.in(journal), null, SnapshotSettings.DEFAULTS, SERVICE_PIPELINE, 10, null,
            DEFAULT_MIN_FREE_DISK_BYTES);
    }

    /** The outputs in use: as configured, or {@code JOURNAL.outputs} with the default checksum interval. */
    @Override
    public OutputSettings outputs()
    {
        return outputs != null ? outputs : OutputSettings.besideJournal(journal.directory());
    }

    /** Whether the node starts from an empty journal (and drops old snapshots and outputs). */
    public boolean freshJournal()
    {
        return journal.mode() == JournalConfig.Mode.FRESH;
    }

    public Path snapshotDirectory()
    {
        return snapshots.directoryFor(journal.directory());
    }

    public NodeSettings withJournal(final UnaryOperator<JournalConfig> change)
    {
        return new NodeSettings(change.apply(journal), outputs, snapshots, pipeline, tickHz, maps, minFreeDiskBytes);
    }

    public NodeSettings with(final OutputSettings value)
    {
        return new NodeSettings(journal, value, snapshots, pipeline, tickHz, maps, minFreeDiskBytes);
    }

    public NodeSettings withSnapshots(final UnaryOperator<SnapshotSettings> change)
    {
        return new NodeSettings(journal, outputs, change.apply(snapshots), pipeline, tickHz, maps, minFreeDiskBytes);
    }

    public NodeSettings withPipeline(final UnaryOperator<PipelineConfig> change)
    {
        return new NodeSettings(journal, outputs, snapshots, change.apply(pipeline), tickHz, maps, minFreeDiskBytes);
    }

    public NodeSettings withTickHz(final int value)
    {
        return new NodeSettings(journal, outputs, snapshots, pipeline, value, maps, minFreeDiskBytes);
    }

    public NodeSettings withMinFreeDiskBytes(final long value)
    {
        return new NodeSettings(journal, outputs, snapshots, pipeline, tickHz, maps, value);
    }

    public NodeSettings withMaps(final Path value)
    {
        return new NodeSettings(journal, outputs, snapshots, pipeline, tickHz, value, minFreeDiskBytes);
    }
}
