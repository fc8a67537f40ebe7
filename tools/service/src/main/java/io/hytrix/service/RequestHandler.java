package io.hytrix.service;

import io.hytrix.replay.codec.JsonText;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Query;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * One connection's front door, on its event loop: routes a request, refuses bad ones at once, and
 * publishes good ones into the ring without waiting; the answer is written later by the egress
 * thread through {@link #respond}. Requests on a connection are answered strictly in order: while
 * one is in flight the connection stops reading, and any already-decoded pipelined requests wait in
 * a short queue (a client that pipelines more than that is disconnected).
 */
final class RequestHandler extends ChannelInboundHandlerAdapter implements Responder
{
    private static final AsciiString YAML = AsciiString.cached("application/yaml");
    private static final AsciiString EVENT_STREAM = AsciiString.cached("text/event-stream");
    private static final int MAX_WAITING = 16;
    private static final String HUNTS = "/v1/hunts/";
    private static final String ACTORS = "/v1/actors/";
    private static final String MAPS = "/v1/maps/";
    private static final String ADMIN = "/v1/admin/";
    private static final byte[] HEALTHY = Json.ascii("{\"status\":\"ok\"}");
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final GatewayContext gw;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private final ChannelFutureListener afterWrite = this::written;
    private ChannelHandlerContext ctx;
    /** A request is being answered (event-loop confined, like everything here but {@link #respond}). */
    private boolean busy;
    /** The connection carries an event stream now; anything more it sends is ignored. */
    private boolean streaming;
    /** Of the request being answered; read by {@link #respond} on the egress thread after the ring's hand-over. */
    private boolean keepAlive;
    private boolean http10;

    RequestHandler(final GatewayContext gw)
    {
        this.gw = gw;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpRequest) || streaming)
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        if (busy)
        {
            if (waiting.size() == MAX_WAITING)
            {
                request.release();
                ctx.close();
                return;
            }
            waiting.add(request);
            return;
        }
        serve(request);
    }

    private void serve(final FullHttpRequest request)
    {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        try
        {
            final boolean wellFormed = request.decoderResult().isSuccess();
            keepAlive = wellFormed && HttpUtil.isKeepAlive(request);
            http10 = request.protocolVersion() == HttpVersion.HTTP_1_0;
            if (!wellFormed)
            {
                throw GatewayError.badRequest("BAD_HTTP", "malformed HTTP request: "
                    + Json.clip(String.valueOf(request.decoderResult().cause())), null);
            }
            route(request);
        }
        catch (final GatewayError error)
        {
            refuse(error);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("request {} {} failed", request.method(), Json.clip(request.uri()), ex);
            refuse(new GatewayError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "internal error; see the server log", null));
        }
        finally
        {
            request.release();
        }
    }

    private void route(final FullHttpRequest request) throws GatewayError
    {
        final String uri = request.uri();
        final int q = uri.indexOf('?');
        final String path = q < 0 ? uri : uri.substring(0, q);
        final HttpMethod method = request.method();
        if ("/health".equals(path))
        {
            require(method, HttpMethod.GET);
            final String journalDown = gw.gate.journalDownReason();
            final String degraded = gw.degraded.get();
            if (journalDown.isEmpty() && degraded == null)
            {
                respond(HttpResponseStatus.OK, JSON, Unpooled.wrappedBuffer(HEALTHY));
                return;
            }
            if (journalDown.isEmpty())
            {
                // Writes and reads work; what is derived from them (the recorded outputs) does not.
                respond(HttpResponseStatus.OK, JSON, Unpooled.wrappedBuffer(JsonText.write(g -> {
                    g.writeStartObject();
                    g.writeStringField("status", "degraded");
                    g.writeStringField("reason", degraded);
                    g.writeEndObject();
                }).getBytes(StandardCharsets.US_ASCII)));
                return;
            }
            refuse(journalUnavailable(journalDown)); // read-only: reads still answer, writes do not
            return;
        }
        authorize(request, path);
        switch (path)
        {
            case "/v1/commands":
                require(method, HttpMethod.POST);
                commands(request);
                return;
            case "/v1/state":
                require(method, HttpMethod.GET);
                query(Query.STATE, 0, 0, PendingRequest.Kind.STATE);
                return;
            case "/metrics":
                require(method, HttpMethod.GET);
                query(Query.STATE, 0, 0, PendingRequest.Kind.METRICS);
                return;
            case "/v1/admin/snapshot":
                require(method, HttpMethod.POST);
                query(Query.SNAPSHOT, 0, 0, PendingRequest.Kind.SNAPSHOT);
                return;
            case "/v1/events":
                require(method, HttpMethod.GET);
                stream(new QueryStringDecoder(uri).parameters());
                return;
            case "/v1/maps":
                require(method, HttpMethod.GET);
                respond(HttpResponseStatus.OK, JSON, Unpooled.wrappedBuffer(gw.maps.list()));
                return;
            case "/openapi.yaml":
                require(method, HttpMethod.GET);
                respond(HttpResponseStatus.OK, YAML, Unpooled.wrappedBuffer(OpenApi.bytes()));
                return;
            default:
                break;
        }
        if (path.startsWith(HUNTS) && path.indexOf('/', HUNTS.length()) < 0)
        {
            require(method, HttpMethod.GET);
            query(Query.HUNT, id(path.substring(HUNTS.length())), 0, PendingRequest.Kind.HUNT);
            return;
        }
        if (path.startsWith(ACTORS) && path.indexOf('/', ACTORS.length()) < 0)
        {
            require(method, HttpMethod.GET);
            query(Query.ACTOR, 0, id(path.substring(ACTORS.length())), PendingRequest.Kind.ACTOR);
            return;
        }
        if (path.startsWith(MAPS) && path.indexOf('/', MAPS.length()) < 0)
        {
            require(method, HttpMethod.GET);
            final byte[] tiles = gw.maps.tiles(path.substring(MAPS.length()));
            if (tiles == null)
            {
                throw new GatewayError(HttpResponseStatus.NOT_FOUND, "UNKNOWN_MAP", "no map with that name", "name");
            }
            respond(HttpResponseStatus.OK, JSON, Unpooled.wrappedBuffer(tiles));
            return;
        }
        throw new GatewayError(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such resource: " + Json.clip(path), null);
    }

    private void commands(final FullHttpRequest request) throws GatewayError
    {
        final CharSequence mime = HttpUtil.getMimeType(request);
        if (mime == null || !AsciiString.contentEqualsIgnoreCase(mime, JSON))
        {
            throw new GatewayError(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "send the commands as Content-Type: application/json", null);
        }
        final CommandBatch batch = gw.batch.get();
        gw.parser.get().parse(request.content(), batch);
        submit(PendingRequest.Kind.COMMANDS, batch.commands(), batch.size(), batch.array);
    }

    private void query(final Query kind, final long huntId, final long actorId, final PendingRequest.Kind answer)
        throws GatewayError
    {
        final CommandEvent[] template = gw.queryTemplate.get();
        template[0].query(kind, huntId, actorId);
        submit(answer, template, 1, false);
    }

    /** Publishes the whole request into the ring, or refuses it with 503; never waits for room. */
    private void submit(final PendingRequest.Kind kind, final CommandEvent[] templates, final int count, final boolean array)
        throws GatewayError
    {
        if (gw.closing)
        {
            throw shuttingDown();
        }
        final PendingRequest request = gw.pending.acquire();
        if (request == null)
        {
            throw overloaded("too many requests in flight");
        }
        request.owner = this;
        request.kind = kind;
        request.array = array;
        request.expected = count;
        request.answered = 0;
        request.unjournaled = false;
        request.conflict = false;
        request.body = null;
        final long correlation = request.correlation();
        final long now = System.nanoTime();
        for (int i = 0; i < count; i++)
        {
            templates[i].correlation = correlation;
            templates[i].intendedNanos = now;
        }
        final RingGate.Result result = gw.gate.publishAll(templates, count);
        if (result != RingGate.Result.PUBLISHED)
        {
            gw.pending.release(request);
            throw result == RingGate.Result.CLOSED ? shuttingDown()
                : result == RingGate.Result.JOURNAL_DOWN ? journalUnavailable(gw.gate.journalDownReason())
                : overloaded("the command ring has room for " + gw.gate.remainingCapacity() + " commands, the request needs " + count);
        }
    }

    private void stream(final Map<String, List<String>> parameters) throws GatewayError
    {
        long huntId = 0;
        boolean allHunts = true;
        for (final Map.Entry<String, List<String>> p : parameters.entrySet())
        {
            if (!"hunt".equals(p.getKey()) || p.getValue().size() != 1)
            {
                throw GatewayError.badRequest("INVALID_PARAMETER", "the only parameter is one hunt=ID", Json.clip(p.getKey()));
            }
            huntId = parseLong(p.getValue().get(0), "hunt");
            allHunts = false;
        }
        if (gw.closing)
        {
            throw shuttingDown();
        }
        streaming = true;
        busy = false;
        final HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.write(response);
        final String hello = ": events of " + (allHunts ? "every hunt" : "hunt " + huntId) + "\n\n";
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(hello, StandardCharsets.US_ASCII)));
        gw.metrics.httpResponse(200);
        gw.sse.subscribe(ctx.channel(), huntId, allHunts);
        for (FullHttpRequest r; (r = waiting.poll()) != null; )
        {
            r.release();
        }
        // Keep reading, only to notice the client going away.
        ctx.channel().config().setAutoRead(true);
    }

    /**
     * Who gets in: everything but /health needs the client token when one is set; with an admin
     * token set, /v1/admin/* needs that one instead, and the client token there is 403 (a known
     * client asking for more than it may), not 401 (unknown). The admin token opens only the admin
     * endpoints, so the token an operator's scripts carry is never the one every client holds.
     */
    private void authorize(final FullHttpRequest request, final String path) throws GatewayError
    {
        final boolean admin = path.startsWith(ADMIN) && gw.adminToken != null;
        final BearerToken needed = admin ? gw.adminToken : gw.clientToken;
        if (needed == null)
        {
            return;
        }
        final byte[] presented = BearerToken.fromHeader(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (needed.matches(presented))
        {
            return;
        }
        if (admin && gw.clientToken != null && gw.clientToken.matches(presented))
        {
            throw new GatewayError(HttpResponseStatus.FORBIDDEN, "ADMIN_TOKEN_REQUIRED",
                "this endpoint needs the admin token, not the client token", null);
        }
        throw new GatewayError(HttpResponseStatus.UNAUTHORIZED, "UNAUTHORIZED",
            admin ? "send Authorization: Bearer <admin token>" : "send Authorization: Bearer <token>", null)
            .withHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
    }

    private static void require(final HttpMethod method, final HttpMethod allowed) throws GatewayError
    {
        if (!allowed.equals(method))
        {
            throw new GatewayError(HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "use " + allowed.name() + " here, not " + Json.clip(method.name()), null)
                .withHeader(HttpHeaderNames.ALLOW, allowed.name());
        }
    }

    private static long id(final String text) throws GatewayError
    {
        return parseLong(text, "id");
    }

    private static long parseLong(final String text, final String field) throws GatewayError
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw GatewayError.badRequest("INVALID_PARAMETER", field + " must be a 64-bit integer, got '" + Json.clip(text) + "'", field);
        }
    }

    private static GatewayError overloaded(final String why)
    {
        return new GatewayError(HttpResponseStatus.SERVICE_UNAVAILABLE, "OVERLOADED", why + "; retry shortly", null)
            .withHeader(HttpHeaderNames.RETRY_AFTER, "1");
    }

    /** The node is read-only until the journal takes appends again; nothing of the request was applied. */
    static GatewayError journalUnavailable(final String why)
    {
        return new GatewayError(HttpResponseStatus.SERVICE_UNAVAILABLE, "JOURNAL_UNAVAILABLE",
            "the journal refuses appends, so no command is accepted (reads still work): " + why, null)
            .withHeader(HttpHeaderNames.RETRY_AFTER, "1");
    }

    private static GatewayError shuttingDown()
    {
        return new GatewayError(HttpResponseStatus.SERVICE_UNAVAILABLE, "SHUTTING_DOWN", "the service is stopping", null)
            .withHeader(HttpHeaderNames.RETRY_AFTER, "5");
    }

    private void refuse(final GatewayError error)
    {
        gw.metrics.edgeRejection(error.code);
        final ByteBuf body = ctx.alloc().buffer(160);
        AnswerJson.error(body, error.code, error.getMessage(), error.field);
        respond(error.status, JSON, body, error.headerName, error.headerValue);
    }

    /** Writes the answer to the request in flight; any thread (the egress thread for engine answers). */
    @Override
    public void respond(final HttpResponseStatus status, final AsciiString contentType, final ByteBuf body,
        final CharSequence headerName, final String headerValue)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (headerName != null)
        {
            response.headers().set(headerName, headerValue);
        }
        if (!keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        else if (http10)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        gw.metrics.httpResponse(status.code());
        ctx.writeAndFlush(response).addListener(afterWrite);
    }

    /** On the event loop once the answer is written: next request, or read again. */
    private void written(final ChannelFuture future)
    {
        if (!future.isSuccess() || !keepAlive)
        {
            future.channel().close();
            return;
        }
        busy = false;
        final FullHttpRequest next = waiting.poll();
        if (next != null)
        {
            serve(next);
        }
        else
        {
            future.channel().config().setAutoRead(true);
        }
    }

    /**
     * The idle timeout (an {@link IdleStateEvent} from the pipeline's IdleStateHandler): closes a
     * connection that is neither waiting for an answer nor streaming events, counted as the edge
     * rejection IDLE_TIMEOUT. A request still arriving byte by byte counts as idle when it stalls.
     */
    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (!(evt instanceof IdleStateEvent))
        {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (!streaming && !busy && waiting.isEmpty())
        {
            gw.metrics.edgeRejection("IDLE_TIMEOUT");
            ctx.close();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        for (FullHttpRequest r; (r = waiting.poll()) != null; )
        {
            r.release();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof IOException))
        {
            LOG.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
