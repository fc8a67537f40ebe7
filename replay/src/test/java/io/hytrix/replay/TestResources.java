package io.hytrix.replay;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * This module's test fixtures, found on the test classpath rather than by a path relative to the
 * directory the build happens to run tests in. They are plain files there (target/test-classes), so
 * tests that list a directory or name a file in a message can still have a {@link Path}.
 */
public final class TestResources
{
    private TestResources()
    {
    }

    /** The test resource {@code name} (e.g. {@code "cases/rejections.yaml"} or {@code "cases"}). */
    public static Path path(final String name)
    {
        final URL url = TestResources.class.getClassLoader().getResource(name);
        if (url == null)
        {
            throw new IllegalStateException("no test resource " + name + " on the classpath (src/test/resources/" + name + ")");
        }
        try
        {
            return Path.of(url.toURI());
        }
        catch (final URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException ex)
        {
            throw new IllegalStateException("test resource " + name + " is not a plain file: " + url, ex);
        }
    }
}
