package io.hytrix.cli.paths;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's top-level {@code maps/} directory, where the Moving AI {@code .scen} files live
 * beside the maps (they are not on any classpath). Resolved once, from the {@code hytrix.maps}
 * system property the root pom gives surefire, so no test depends on how deep its module sits.
 */
final class ProjectMaps
{
    private static final Path DIRECTORY = resolve();

    private ProjectMaps()
    {
    }

    /** The file {@code name} in maps/, e.g. {@code "arena.map.scen"}. */
    static Path file(final String name)
    {
        return DIRECTORY.resolve(name);
    }

    private static Path resolve()
    {
        final String configured = System.getProperty("hytrix.maps");
        if (configured == null || configured.isBlank())
        {
            throw new IllegalStateException("system property hytrix.maps is not set: run the tests through Maven"
                + " (the root pom sets it to the project's maps/ directory) or pass -Dhytrix.maps=/path/to/maps");
        }
        final Path dir = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("arena.map.scen")))
        {
            throw new IllegalStateException("hytrix.maps=" + configured + " is not the project's maps/ directory"
                + " (no arena.map.scen there); start Maven in the project root or pass -Dhytrix.maps.dir=/path/to/maps");
        }
        return dir;
    }
}
