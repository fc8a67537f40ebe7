package io.hytrix.journal;

import io.hytrix.engine.command.*;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest
{
    @TempDir Path dir;

    static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void explore() throws Exception
    {
        MX.getCurrentThreadAllocatedBytes();
        Path q = dir.resolve("q");
        CommandEvent e = new CommandEvent();
        try (ChronicleJournal j = ChronicleJournal.open(q))
        {
            for (int round = 0; round < 12; round++)
            {
                long before = MX.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100_000; i++)
                {
                    e.travel(i, i, i, -i);
                    long b = MX.getCurrentThreadAllocatedBytes();
                    j.append(e);
                    long d = MX.getCurrentThreadAllocatedBytes() - b;
                    if (d > 0 && round > 0) System.err.println("  alloc " + d + " at round " + round + " i " + i + " idx " + Long.toHexString(j.lastChronicleIndex()) + " total " + j.nextIndex());
                }
                long after = MX.getCurrentThreadAllocatedBytes();
                System.err.println("append round " + round + " alloc " + (after - before));
            }
        }
        try (ChronicleCommandSource s = ChronicleCommandSource.open(q))
        {
            for (int round = 0; round < 12; round++)
            {
                long before = MX.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100_000; i++)
                {
                    if (!s.next(e)) throw new AssertionError();
                }
                long after = MX.getCurrentThreadAllocatedBytes();
                System.err.println("read round " + round + " alloc " + (after - before));
            }
        }
    }
}
