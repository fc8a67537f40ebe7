package io.hytrix.service;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;

/**
 * Where the egress thread sends a finished answer: the connection that asked. The egress side knows
 * only this, not how a front door talks to its clients.
 */
interface Responder
{
    AsciiString JSON = AsciiString.cached("application/json");
    AsciiString PROMETHEUS = AsciiString.cached("text/plain; version=0.0.4; charset=utf-8");

    /** Any thread; takes ownership of {@code body}. */
    default void respond(final HttpResponseStatus status, final AsciiString contentType, final ByteBuf body)
    {
        respond(status, contentType, body, null, null);
    }

    /** As {@link #respond(HttpResponseStatus, AsciiString, ByteBuf)} with one extra header (none when the name is null). */
    void respond(HttpResponseStatus status, AsciiString contentType, ByteBuf body, CharSequence headerName,
        String headerValue);
}
