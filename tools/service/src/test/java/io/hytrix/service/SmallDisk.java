package io.hytrix.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real small file system for fault tests: a tmpfs of a few megabytes (needs root, as CI has), with a
 * filler file to take space away and give it back. A full tmpfs fails writes into memory-mapped pages
 * exactly as a full disk does.
 */
final class SmallDisk implements AutoCloseable
{
    private final Path mount;
    private final Path filler;

    private SmallDisk(final Path mount)
    {
        this.mount = mount;
        this.filler = mount.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} under {@code parent}; null when this machine does not allow it. */
    static SmallDisk mount(final Path parent, final int megabytes) throws IOException, InterruptedException
    {
        final Path mount = Files.createDirectories(parent.resolve("small-disk-" + System.nanoTime()));
        final Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mount.toString())
            .redirectErrorStream(true).start();
        return p.waitFor() == 0 ? new SmallDisk(mount) : null;
    }

    Path resolve(final String name)
    {
        return mount.resolve(name);
    }

    /** Takes {@code megabytes} of the space away. */
    void fill(final int megabytes) throws IOException
    {
        Files.write(filler, new byte[megabytes << 20]);
    }

    /** Gives the filler's space back. */
    void free() throws IOException
    {
        Files.deleteIfExists(filler);
    }

    /** Remounts the file system read-only, or writable again (nothing may hold a file open for writing). */
    void readOnly(final boolean value) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder("mount", "-o", "remount," + (value ? "ro" : "rw"), mount.toString())
            .redirectErrorStream(true).start();
        if (p.waitFor() != 0)
        {
            throw new IOException("cannot remount " + mount + (value ? " read-only: " : " writable: ")
                + new String(p.getInputStream().readAllBytes()));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException
    {
        new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
    }
}
