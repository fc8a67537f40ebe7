package io.hytrix.replay;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.map.MapFormatException;
import io.hytrix.engine.map.MovingAiMapParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The map catalog of a running service: the maps Hytrix ships (classpath {@code io/hytrix/maps/}),
 * optionally overridden or extended by a directory of {@code NAME.map} files. A map is parsed on
 * first use and kept; an unknown name is {@code null} (the handler rejects with UNKNOWN_MAP), a
 * malformed file throws {@link MapFormatException} naming file and line.
 */
public final class ShippedMaps implements MapCatalog
{
    /** The maps in the jar, smallest first; the demo and load generator spread hunts over these. */
    public static final List<String> SHIPPED = List.of(
        "plaza", "islands", "arena", "den312d", "lak303d", "arena2", "brc202d", "maze512-1-0", "random512-10-0");

    private final Path directory;
    private final Map<String, GridMap> loaded = new HashMap<>();

    /** @param directory extra maps, searched before the shipped ones; may be null. */
    public ShippedMaps(final Path directory)
    {
        this.directory = directory;
    }

    public ShippedMaps()
    {
        this(null);
    }

    @Override
    public GridMap find(final byte[] name, final int length)
    {
        return find(new String(name, 0, length, StandardCharsets.US_ASCII));
    }

    public GridMap find(final String name)
    {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith("."))
        {
            return null; // never let a command name a path outside the catalog
        }
        final GridMap cached = loaded.get(name);
        if (cached != null)
        {
            return cached;
        }
        final GridMap map = load(name);
        if (map != null)
        {
            loaded.put(name, map);
        }
        return map;
    }

    /** Loads the map or fails with a one-line message; for tools that need the map to exist. */
    public GridMap require(final String name)
    {
        final GridMap map = find(name);
        if (map == null)
        {
            throw new IllegalArgumentException("unknown map '" + name + "' (shipped: " + String.join(", ", SHIPPED)
                + (directory == null ? "" : "; or a NAME.map file in " + directory) + ")");
        }
        return map;
    }

    private GridMap load(final String name)
    {
        try
        {
            if (directory != null)
            {
                final Path file = directory.resolve(name + ".map");
                if (Files.isRegularFile(file))
                {
                    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
                    {
                        return MovingAiMapParser.parse(name, file.toString(), in);
                    }
                }
            }
            final String resource = "/io/hytrix/maps/" + name + ".map";
            try (InputStream stream = ShippedMaps.class.getResourceAsStream(resource))
            {
                if (stream == null)
                {
                    return null;
                }
                return MovingAiMapParser.parse(name, name + ".map",
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII)));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read map '" + name + "': " + ex.getMessage(), ex);
        }
    }
}
