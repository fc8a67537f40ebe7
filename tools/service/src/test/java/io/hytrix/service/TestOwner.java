package io.hytrix.service;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection a pending request is answered on, without a socket: a {@link RequestHandler} in
 * an {@link EmbeddedChannel}, whose written responses the test reads back. This is the only place
 * the table tests name the owner's type, so when the owner becomes a smaller responder only
 * {@link #owns} and the constructor here change.
 */
final class TestOwner
{
    private final EmbeddedChannel channel;
    private final RequestHandler handler;

    TestOwner()
    {
        handler = new RequestHandler(context());
        channel = new EmbeddedChannel(handler);
    }

    /** Makes this connection the one waiting for {@code request}'s answer. */
    void owns(final PendingRequest request)
    {
        request.owner = handler;
    }

    /** The answers written since the last call, oldest first, each as "STATUS BODY". */
    List<String> answers()
    {
        final List<String> answers = new ArrayList<>();
        for (FullHttpResponse r; (r = channel.readOutbound()) != null; )
        {
            answers.add(r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8));
            r.release();
        }
        return answers;
    }

    /**
     * What a RequestHandler needs to write an answer: a config and counters. The ring behind the
     * gate is never started (nothing is published through it here).
     */
    private static GatewayContext context()
    {
        final RingGate gate = new RingGate(RingGateTest.unstarted(16, new RingGateTest.Journal()));
        return new GatewayContext(GatewayConfig.defaults(), gate, new PendingRequests(1),
            new GatewayMetrics(), new SseHub());
    }
}
