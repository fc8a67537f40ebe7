package io.hytrix.engine.game;

import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;

/**
 * Maps in use, numbered in order of first use so map ids (part of path-cache keys) follow from the
 * journal alone. Lookups compare name bytes, so a createHunt on a known map allocates nothing.
 */
final class MapRegistry
{
    private final MapCatalog catalog;
    private final GridMap[] maps = new GridMap[Rules.MAX_MAPS];
    private final byte[][] names = new byte[Rules.MAX_MAPS][];
    private int count;

    MapRegistry(final MapCatalog catalog)
    {
        this.catalog = catalog;
    }

    /** @return the map's id, loading it on first use, or -1 when the catalog does not know it or no id is left. */
    int idOf(final byte[] name, final int length)
    {
        for (int i = 0; i < count; i++)
        {
            if (sameName(names[i], name, length))
            {
                return i;
            }
        }
        if (count == maps.length)
        {
            return -1;
        }
        final GridMap map = catalog.find(name, length);
        if (map == null)
        {
            return -1;
        }
        maps[count] = map;
        names[count] = java.util.Arrays.copyOf(name, length);
        return count++;
    }

    GridMap map(final int id)
    {
        return maps[id];
    }

    private static boolean sameName(final byte[] known, final byte[] name, final int length)
    {
        if (known.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (known[i] != name[i])
            {
                return false;
            }
        }
        return true;
    }
}
