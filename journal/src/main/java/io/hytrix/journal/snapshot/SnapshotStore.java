package io.hytrix.journal.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Snapshot files in a directory, one per journal index: {@code snapshot-<index>.hsnap}.
 *
 * <pre>
 *   8 bytes "HYTXSNAP" | u16 file format (1) | i64 journal index (last applied) | i32 payload length
 *   | payload (StateSnapshot) | u32 CRC32C of everything before it
 * </pre>
 * Written to a temporary file, forced to disk, then renamed into place, so a crash mid-write leaves
 * at worst a stray {@code .tmp}; a torn or corrupt file fails its length or checksum, is reported
 * and skipped in favour of an older one.
 */
public final class SnapshotStore
{
    private static final byte[] MAGIC = "HYTXSNAP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int HEADER = MAGIC.length + 2 + 8 + 4;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{19})\\.hsnap");

    private final Path dir;

    public SnapshotStore(final Path dir)
    {
        this.dir = dir;
    }

    public Path directory()
    {
        return dir;
    }

    /** A snapshot read back and checked. */
    public record Snapshot(Path file, long journalIndex, byte[] payload)
    {
    }

    /** Writes the snapshot durably and returns its file. */
    public Path write(final long journalIndex, final byte[] payload) throws IOException
    {
        Files.createDirectories(dir);
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length + 4);
        buffer.put(MAGIC).putShort((short)FORMAT).putLong(journalIndex).putInt(payload.length).put(payload);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int)crc.getValue()).flip();
        final Path file = dir.resolve(String.format("snapshot-%019d.hsnap", journalIndex));
        final Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return file;
    }

    /** Snapshot files, newest (highest journal index) first. */
    public List<Path> files() throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return List.of();
        }
        try (var stream = Files.list(dir))
        {
            return stream.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /**
     * The newest snapshot that reads back intact and covers no more than {@code maxIndex} (a
     * snapshot beyond the journal's end belongs to entries that are gone). Each one skipped is
     * reported with its reason.
     */
    public Optional<Snapshot> newestValid(final long maxIndex, final Consumer<String> report) throws IOException
    {
        for (final Path file : files())
        {
            try
            {
                final Snapshot snapshot = read(file);
                if (snapshot.journalIndex() > maxIndex)
                {
                    report.accept("skipping " + file + ": it covers journal index " + snapshot.journalIndex()
                        + ", past " + maxIndex + " (the journal's last entry, or the last one the recorded outputs hold)");
                    continue;
                }
                return Optional.of(snapshot);
            }
            catch (final CorruptSnapshotException ex)
            {
                report.accept("skipping " + file + ": " + ex.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Reads and checks one file. */
    public static Snapshot read(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER + 4)
        {
            throw new CorruptSnapshotException("too short to be a snapshot (" + bytes.length + " bytes)");
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC))
        {
            throw new CorruptSnapshotException("not a Hytrix snapshot (bad magic)");
        }
        final int format = buffer.getShort() & 0xFFFF;
        if (format != FORMAT)
        {
            throw new CorruptSnapshotException("file format " + format + " is not supported");
        }
        final long journalIndex = buffer.getLong();
        final int length = buffer.getInt();
        if (length < 0 || HEADER + length + 4 != bytes.length)
        {
            throw new CorruptSnapshotException("partial: the header promises " + length + " bytes of state, the file holds "
                + (bytes.length - HEADER - 4));
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, HEADER + length);
        final int stored = ByteBuffer.wrap(bytes, HEADER + length, 4).getInt();
        if (stored != (int)crc.getValue())
        {
            throw new CorruptSnapshotException("checksum mismatch (stored " + Integer.toHexString(stored) + ", computed "
                + Long.toHexString(crc.getValue()) + ")");
        }
        final byte[] payload = java.util.Arrays.copyOfRange(bytes, HEADER, HEADER + length);
        return new Snapshot(file, journalIndex, payload);
    }

    /** The journal index a snapshot file name carries, or -1 when it is not one. */
    public static long indexOf(final Path file)
    {
        final Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private void forceDirectory()
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ignored)
        {
            // Not every file system lets a directory be opened for force; the rename is still atomic.
        }
    }

    /** Older snapshots beyond the newest {@code keep}: for retention. */
    public List<Path> olderThanNewest(final int keep) throws IOException
    {
        final List<Path> files = new ArrayList<>(files());
        return files.size() <= keep ? List.of() : files.subList(keep, files.size());
    }
}
