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
    void respond(HttpResponseStatus status, AsciiString contentType, ByteBuf body);
}
