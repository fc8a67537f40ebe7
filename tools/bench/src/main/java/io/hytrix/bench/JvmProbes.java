package io.hytrix.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JVM and the kernel tell about this process: GC pauses (from GC notifications), thread
 * allocation counters, and resident memory from {@code /proc/self/status}.
 */
final class JvmProbes implements NotificationListener, AutoCloseable
{
    /** One GC, with its start on the {@code System.nanoTime()} clock. */
    record Gc(String name, String action, String cause, long startNanos, long durationMillis, boolean pause)
    {
    }

    /** GC pauses inside a window. */
    record GcWindow(int pauses, long longestMillis, long totalMillis, String longest)
    {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final List<Gc> gcs = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final long nanoAtUptimeZero;

    JvmProbes()
    {
        // GcInfo times are milliseconds of JVM uptime; map them onto System.nanoTime().
        nanoAtUptimeZero = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            if (gc instanceof NotificationEmitter emitter)
            {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    @Override
    public void handleNotification(final Notification notification, final Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
        {
            return;
        }
        final GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
        final String name = info.getGcName();
        // Concurrent cycles ("G1 Concurrent GC" on newer JDKs, "ZGC Cycles", "Shenandoah Cycles") run beside the
        // application; their duration is not a pause.
        final boolean pause = !(name.contains("Concurrent") || name.contains("Cycles"));
        final Gc gc = new Gc(name, info.getGcAction(), info.getGcCause(),
            nanoAtUptimeZero + info.getGcInfo().getStartTime() * 1_000_000L, info.getGcInfo().getDuration(), pause);
        synchronized (gcs)
        {
            gcs.add(gc);
        }
    }

    /** Pauses that started in [from, to) on the nanoTime clock. Waits briefly for late notifications. */
    GcWindow pauses(final long fromNanos, final long toNanos)
    {
        sleepQuietly(100);
        int count = 0;
        long longest = 0;
        long total = 0;
        String what = "";
        synchronized (gcs)
        {
            for (final Gc gc : gcs)
            {
                if (gc.pause() && gc.startNanos() >= fromNanos - 1_000_000L && gc.startNanos() < toNanos)
                {
                    count++;
                    total += gc.durationMillis();
                    if (gc.durationMillis() >= longest)
                    {
                        longest = gc.durationMillis();
                        what = gc.name() + " (" + gc.cause() + ")";
                    }
                }
            }
        }
        return new GcWindow(count, longest, total, what);
    }

    /** Bytes allocated so far by {@code thread}, or -1 when it has ended or the JVM cannot tell. */
    static long allocatedBytes(final Thread thread)
    {
        return thread == null ? -1 : THREADS.getThreadAllocatedBytes(thread.getId());
    }

    static long currentThreadAllocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Live threads whose name starts with {@code prefix}: the Disruptor stages are {@code hytrix-stage-N}. */
    static List<Thread> threadsNamed(final String prefix)
    {
        final List<Thread> found = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith(prefix))
            {
                found.add(t);
            }
        }
        return found;
    }

    /** A {@code /proc/self/status} field in kB (VmRSS, VmHWM), or -1 where there is no /proc. */
    static long procStatusKb(final String field)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith(field + ":"))
                {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
        return -1;
    }

    static void sleepQuietly(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close()
    {
        for (final NotificationEmitter emitter : emitters)
        {
            try
            {
                emitter.removeNotificationListener(this);
            }
            catch (final Exception ignored)
            {
                // already gone
            }
        }
    }
}
