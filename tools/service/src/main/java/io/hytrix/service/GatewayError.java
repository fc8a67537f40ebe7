package io.hytrix.service;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request refused at the edge, before anything reaches the ring: the HTTP status and the
 * {@code {"error": {"code", "message", "field"}}} body. Thrown by the parser and the router; it
 * carries no stack trace because it is an answer, not a fault.
 */
final class GatewayError extends Exception
{
    private static final long serialVersionUID = 1L;

    final HttpResponseStatus status;
    final String code;
    /** The offending field as a path such as {@code [2].x}, or null when no single field is to blame. */
    final String field;
    /** One extra response header (Allow for 405, Retry-After for 503, WWW-Authenticate for 401), or null. */
    CharSequence headerName;
    String headerValue;

    GatewayError(final HttpResponseStatus status, final String code, final String message, final String field)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    GatewayError withHeader(final CharSequence name, final String value)
    {
        headerName = name;
        headerValue = value;
        return this;
    }

    static GatewayError badRequest(final String code, final String message, final String field)
    {
        return new GatewayError(HttpResponseStatus.BAD_REQUEST, code, message, field);
    }
}
