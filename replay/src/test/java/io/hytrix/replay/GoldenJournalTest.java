package io.hytrix.replay;

import io.hytrix.engine.game.EngineListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal written by an earlier build must keep replaying to the same state (see golden/schema-v1/README.md):
 * one fixture per journal schema, each under the rules it was written with.
 */
class GoldenJournalTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "golden/schema-v1", "golden/schema-v2" })
    void aGoldenJournalReplaysToItsRecordedHash(final String fixture) throws IOException
    {
        final Path golden = TestResources.path(fixture);
        final Path journal = unzip(golden.resolve("journal.zip"), dir.resolve("journal"));
        final String expected = Files.readString(golden.resolve("expected.txt")).strip();
        assertThat(new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null)
            .lastLine()).isEqualTo(expected);
        assertThat(new Replayer(new ShippedMaps(), Replayer.pathCache(1), EngineListener.NONE).replay(journal, null)
            .lastLine()).isEqualTo(expected);
    }

    static Path unzip(final Path zip, final Path target) throws IOException
    {
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in))
        {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null)
            {
                final Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target))
                {
                    throw new IOException("zip entry escapes the target: " + entry.getName());
                }
                Files.copy(entries, file);
            }
        }
        return target;
    }
}
