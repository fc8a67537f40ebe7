package io.hytrix.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damages a real journal's cycle file the ways a disk or an operator does: a hole punched with
 * {@code fallocate}, a range of zeros, a cut-off end, a full tmpfs that cannot back a page. Shared
 * with the cli tests. Entries are found by reading the queue, so the damage lands exactly at an
 * entry whatever Chronicle's layout.
 */
public final class DamagedFiles
{
    /** Where an entry's 4-byte Chronicle header starts in its cycle file. */
    public record Spot(Path file, long offset)
    {
    }

    private DamagedFiles()
    {
    }

    /** The file and offset of the header of the entry at dense index {@code index} (no pruning). */
    public static Spot entry(final Path dir, final long index)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer())
        {
            for (long i = 0; ; i++)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    assertThat(dc.isPresent()).as("entry " + index + " in " + dir).isTrue();
                    if (i == index)
                    {
                        final int cycle = queue.rollCycle().toCycle(dc.index());
                        final List<DenseIndex.CycleFile> cycles = DenseIndex.cycles(queue);
                        final Path file = cycles.stream().filter(c -> c.cycle() == cycle).findFirst().orElseThrow().file();
                        return new Spot(file, dc.wire().bytes().readPosition() - 4);
                    }
                }
            }
        }
    }

    /** The only cycle file in {@code dir}. */
    public static Path onlyCycleFile(final Path dir)
    {
        final List<Path> files = QueueFiles.cycleFiles(dir);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    /** {@code fallocate --punch-hole}: the range reads as zeros and has no blocks behind it. Skips the test where unsupported. */
    public static void punchHole(final Path file, final long offset, final long length) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder("fallocate", "--punch-hole", "-o", Long.toString(offset), "-l", Long.toString(length),
            file.toString()).redirectErrorStream(true).start();
        final boolean done = p.waitFor(30, TimeUnit.SECONDS);
        final String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && p.exitValue() == 0, "fallocate --punch-hole is not available here: " + output);
    }

    /** Overwrites {@code length} bytes at {@code offset} with zeros. */
    public static void zero(final Path file, final long offset, final int length) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            final ByteBuffer zeros = ByteBuffer.allocate(length);
            while (zeros.hasRemaining())
            {
                channel.write(zeros, offset + zeros.position());
            }
        }
    }

    /** Cuts the file to {@code size} bytes. */
    public static void truncate(final Path file, final long size) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir}; skips the test where mounting is not allowed. */
    public static void mountTmpfs(final Path dir, final int megabytes) throws IOException, InterruptedException
    {
        Files.createDirectories(dir);
        final Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString())
            .redirectErrorStream(true).start();
        final boolean done = p.waitFor(30, TimeUnit.SECONDS);
        final String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && p.exitValue() == 0, "cannot mount a tmpfs (not root?): " + output);
    }

    public static void unmount(final Path dir) throws IOException, InterruptedException
    {
        new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** Writes zeros into a file in {@code dir} until the file system is full. */
    public static void fill(final Path dir) throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir.resolve("filler"), StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        {
            final ByteBuffer block = ByteBuffer.allocate(64 << 10);
            while (true)
            {
                block.clear();
                channel.write(block);
            }
        }
        catch (final IOException full)
        {
            // No space left: the file system cannot back another page.
        }
    }
}
