package io.hytrix.service;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Collects a request body up to the configured limit and answers 413 in the gateway's error shape
 * past it; the connection is then closed, as the rest of the oversized body is still on the wire.
 * A declared Content-Length over the limit is refused before a byte of the body is read.
 */
final class BodyLimit extends HttpObjectAggregator
{
    private final GatewayMetrics metrics;
    private final int maxBytes;

    BodyLimit(final int maxBytes, final GatewayMetrics metrics)
    {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE);
    }

    /** With {@code Expect: 100-continue} and a declared length over the limit, refuse before the body is sent. */
    @Override
    protected Object newContinueResponse(final HttpMessage start, final int maxContentLength, final ChannelPipeline pipeline)
    {
        if (HttpUtil.is100ContinueExpected(start) && HttpUtil.getContentLength(start, -1L) > maxBytes)
        {
            return tooLarge();
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    private FullHttpResponse tooLarge()
    {
        final ByteBuf body = Unpooled.buffer(160);
        AnswerJson.error(body, "BODY_TOO_LARGE", "the body is over the limit of " + maxBytes + " bytes", null);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Responder.JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        metrics.edgeRejection("BODY_TOO_LARGE");
        metrics.httpResponse(413);
        return response;
    }
}
