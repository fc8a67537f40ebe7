package io.hytrix.service;

import io.hytrix.journal.QueueFiles;

import java.nio.file.Path;

/**
 * When a node snapshots its state and where the files go.
 *
 * @param directory     where snapshots are read on start and written; null for {@code JOURNAL.snapshots}
 * @param everyCommands a snapshot after this many applied commands (0: not by count)
 * @param everySeconds  a snapshot after this many seconds with commands applied (0: not by time)
 * @param keep          how many of the newest snapshot files are kept
 * @param onStop        an orderly stop writes a snapshot of the final state, so the next start replays nothing
 */
public record SnapshotSettings(Path directory, long everyCommands, int everySeconds, int keep, boolean onStop)
{
    /** A snapshot a million commands or a minute apart, three kept, one on stop. */
    public static final SnapshotSettings DEFAULTS = new SnapshotSettings(null, 1_000_000, 60, 3, true);
    /** No periodic snapshots and none on stop (recovery still reads any that are there). */
    public static final SnapshotSettings NONE = new SnapshotSettings(null, 0, 0, 3, false);

    public SnapshotSettings
    {
        if (everyCommands < 0 || everySeconds < 0 || keep < 1)
        {
            throw new IllegalArgumentException("snapshot policy needs everyCommands >= 0, everySeconds >= 0, keep >= 1; got "
                + everyCommands + ", " + everySeconds + ", " + keep);
        }
    }

    public SnapshotSettings withDirectory(final Path value)
    {
        return new SnapshotSettings(value, everyCommands, everySeconds, keep, onStop);
    }

    public SnapshotSettings withPolicy(final long commands, final int seconds, final int newestKept)
    {
        return new SnapshotSettings(directory, commands, seconds, newestKept, onStop);
    }

    public SnapshotSettings withOnStop(final boolean value)
    {
        return new SnapshotSettings(directory, everyCommands, everySeconds, keep, value);
    }

    public boolean periodic()
    {
        return everyCommands > 0 || everySeconds > 0;
    }

    /** The directory in use for a node journaling to {@code journal}. */
    public Path directoryFor(final Path journal)
    {
        return directory != null ? directory : QueueFiles.besideJournal(journal, "snapshots");
    }
}
