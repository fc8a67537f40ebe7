package io.hytrix.service;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * A deadline for reading one request, headers and body, from its first byte: a slow-loris client that
 * sends a byte every few seconds keeps an idle timer from ever firing, but not this one. Sits before
 * the HTTP codec (it sees the first raw byte); {@link #end()}, after the codec, ends the request's
 * clock when its last part is decoded. Time spent waiting for the engine is not counted: the request is
 * read by then. One per connection, on its event loop.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter
{
    private final long deadlineNanos;
    private final GatewayMetrics metrics;
    private ScheduledFuture<?> timer;

    RequestDeadline(final int seconds, final GatewayMetrics metrics)
    {
        this.deadlineNanos = TimeUnit.SECONDS.toNanos(seconds);
        this.metrics = metrics;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (timer == null && msg instanceof ByteBuf && ((ByteBuf)msg).isReadable())
        {
            timer = ctx.executor().schedule(() -> expire(ctx), deadlineNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    private void expire(final ChannelHandlerContext ctx)
    {
        timer = null;
        metrics.edgeRejection("REQUEST_TIMEOUT");
        ctx.close();
    }

    private void requestRead()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        requestRead();
        ctx.fireChannelInactive();
    }

    /** The handler after the codec that stops this deadline when a request's last part is decoded. */
    ChannelInboundHandlerAdapter end()
    {
        return new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object msg)
            {
                if (msg instanceof LastHttpContent)
                {
                    requestRead();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }
}
