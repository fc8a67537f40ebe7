package io.hytrix.service;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The connection a pending request is answered on, without a socket: a {@link Responder} that keeps what it is sent. */
final class TestOwner implements Responder
{
    private final List<String> answers = new ArrayList<>();

    /** Makes this connection the one waiting for {@code request}'s answer. */
    void owns(final PendingRequest request)
    {
        request.owner = this;
    }

    @Override
    public void respond(final HttpResponseStatus status, final AsciiString contentType, final ByteBuf body,
        final CharSequence headerName, final String headerValue)
    {
        answers.add(status.code() + " " + body.toString(StandardCharsets.UTF_8));
        body.release();
    }

    /** The answers written since the last call, oldest first, each as "STATUS BODY". */
    List<String> answers()
    {
        final List<String> copy = new ArrayList<>(answers);
        answers.clear();
        return copy;
    }
}
