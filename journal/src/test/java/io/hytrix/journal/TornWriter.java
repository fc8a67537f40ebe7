package io.hytrix.journal;

import io.hytrix.engine.command.CommandEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal whose last entry was being written when its process died: {@link #write} runs this
 * class in a child JVM, which journals {@link Journals#plazaHunt} through {@link ChronicleJournal},
 * then starts one more excerpt, writes half of it and halts the JVM mid-write, as a {@code kill -9}
 * would. A halt in this JVM is the only faithful way to leave Chronicle's excerpt unfinished.
 */
public final class TornWriter
{
    private TornWriter()
    {
    }

    /** Leaves in {@code dir} a journal of {@code entries} complete entries and a torn one after them. */
    public static void write(final Path dir, final int entries, final Path log) throws IOException, InterruptedException
    {
        final Process child = ChildJvm.start(log, TornWriter.class.getName(), List.of(dir.toString(), Integer.toString(entries)));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the torn writer finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
    }

    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final int entries = Integer.parseInt(args[1]);
        final List<CommandEvent> commands = Journals.plazaHunt(entries + 1);
        Journals.write(dir, commands.subList(0, entries));
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        final byte[] entry = RawQueue.encode(commands.get(entries));
        dc.wire().bytes().write(entry, 0, entry.length / 2);
        Runtime.getRuntime().halt(0);
    }
}
