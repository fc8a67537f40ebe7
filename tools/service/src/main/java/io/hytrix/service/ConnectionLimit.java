package io.hytrix.service;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps open connections: past the cap a new connection is closed as soon as it is accepted, so the
 * clients already connected (and {@code /health}) keep their answers instead of the process running
 * out of file descriptors. Also says, once per {@link #WARN_EVERY_NANOS}, when the process nears its
 * file-descriptor limit, which is what fails first when the cap is set above it.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("hytrix.connection.counted");
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;
    /** Counting open descriptors lists /proc/self/fd: cheap once in a while, not on every accept. */
    private static final int CHECK_FDS_EVERY = 256;

    private final int max;
    private final GatewayMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong warnedAt = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    ConnectionLimit(final int max, final GatewayMetrics metrics)
    {
        this.max = max;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        if (max > 0 && open.incrementAndGet() > max)
        {
            open.decrementAndGet();
            metrics.edgeRejection("TOO_MANY_CONNECTIONS");
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        if (accepted.incrementAndGet() % CHECK_FDS_EVERY == 0)
        {
            checkDescriptors();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (max > 0 && Boolean.TRUE.equals(ctx.channel().attr(COUNTED).getAndSet(null)))
        {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    /** Connections open now (counted only with a cap). */
    int open()
    {
        return open.get();
    }

    private void checkDescriptors()
    {
        if (!(os instanceof UnixOperatingSystemMXBean))
        {
            return;
        }
        final UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean)os;
        final long used = unix.getOpenFileDescriptorCount();
        final long limit = unix.getMaxFileDescriptorCount();
        final long now = System.nanoTime();
        final long last = warnedAt.get();
        if (used * 10 >= limit * 9 && now - last >= WARN_EVERY_NANOS && warnedAt.compareAndSet(last, now))
        {
            LOG.warn("{} of {} file descriptors in use ({} connections open): new connections will fail soon; "
                + "raise the limit (ulimit -n) or lower --max-connections", used, limit, open.get());
        }
    }
}
