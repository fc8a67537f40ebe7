package io.hytrix.service;

import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.codec.JsonText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code GET /v1/maps} and {@code GET /v1/maps/{name}}: the maps hunts can be created on, and a map's
 * tiles, which a client needs to plan moves and a viewer to draw them. Maps are public and immutable,
 * so these are answered on the event loop from a catalog of the front door's own (the handler's
 * catalog belongs to the handler thread), not through the command ring. Rare reads: answers are built
 * as plain byte arrays.
 */
final class MapsResource
{
    private final Path directory;
    private final ShippedMaps catalog;

    MapsResource(final Path directory)
    {
        this.directory = directory;
        this.catalog = new ShippedMaps(directory);
    }

    /** {@code {"maps":[{"name","width","height","passable"},...]}}, shipped maps and the maps directory's, by name. */
    byte[] list()
    {
        final TreeSet<String> names = new TreeSet<>(ShippedMaps.SHIPPED);
        if (directory != null)
        {
            try (Stream<Path> files = Files.list(directory))
            {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".map"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 4)));
            }
            catch (final IOException ex)
            {
                // The shipped maps are still listed; the directory's are what its next listing shows.
            }
        }
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("maps");
            for (final String name : names)
            {
                final GridMap map = find(name);
                if (map != null)
                {
                    g.writeStartObject();
                    g.writeStringField("name", map.name());
                    g.writeNumberField("width", map.width());
                    g.writeNumberField("height", map.height());
                    g.writeNumberField("passable", map.passableCount());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code {"name","width","height","rows":["..@@", ...]}}: row {@code y} from the top, {@code '.'} for a
     * passable tile and {@code '@'} for a blocked one; null for an unknown map.
     */
    byte[] tiles(final String name)
    {
        final GridMap map = find(name);
        if (map == null)
        {
            return null;
        }
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("name", map.name());
            g.writeNumberField("width", map.width());
            g.writeNumberField("height", map.height());
            g.writeArrayFieldStart("rows");
            final char[] row = new char[map.width()];
            for (int y = 0; y < map.height(); y++)
            {
                for (int x = 0; x < map.width(); x++)
                {
                    row[x] = map.passable(x, y) ? '.' : '@';
                }
                g.writeString(row, 0, row.length);
            }
            g.writeEndArray();
            g.writeEndObject();
        }).getBytes(StandardCharsets.US_ASCII);
    }

    /** Event loops share this catalog, and it loads maps lazily into a plain map: one at a time. */
    private synchronized GridMap find(final String name)
    {
        return catalog.find(name);
    }
}
