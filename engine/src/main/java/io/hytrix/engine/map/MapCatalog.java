package io.hytrix.engine.map;

/** Resolves a map by the ASCII name a command carries, without building a String on the command path. */
public interface MapCatalog
{
    /** @return the map whose name is the first {@code length} bytes of {@code name}, or null when unknown. */
    GridMap find(byte[] name, int length);
}
