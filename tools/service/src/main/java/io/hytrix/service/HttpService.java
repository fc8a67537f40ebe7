package io.hytrix.service;

import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.hytrix.replay.recovery.Recovery;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link Node} behind its HTTP front door: what {@code ./hytrix serve} runs.
 * <pre>
 *  event loops --parse, validate--> node's RingGate --> [command ring] J: journal -> BL: GameHandler
 *                                                                         | EgressPublisher (copies, no allocation)
 *  connections <--answers, event streams-- egress thread <-- [egress ring]
 * </pre>
 * {@link #close()} is the orderly shutdown: stop accepting, stop the clock, refuse new requests,
 * drain both rings (every accepted command is journaled, applied and answered), close the node.
 * With {@link HttpSettings#tls()} every connection starts with a TLS handler, so nothing reaches
 * the HTTP codec unencrypted; the certificate and key are checked before the journal is opened.
 */
public final class HttpService implements AutoCloseable
{
    private final ServiceSettings settings;
    private final Node node;
    private final EgressPublisher publisher;
    private final Disruptor<EgressSlot> egress;
    private final GatewayContext context;
    private final EventLoopGroup loops;
    private final Channel server;
    private ShutdownSummary stopped;

    private HttpService(final ServiceSettings settings, final Consumer<String> log)
    {
        this.settings = settings;
        final HttpSettings http = settings.http();
        // Before the node: unusable TLS files stop the start without touching the journal.
        final SslContext tls = http.tls() == null ? null : ServerTls.context(http.tls());
        this.node = Node.open(settings.node(), log);
        Disruptor<EgressSlot> ring = null;
        EventLoopGroup group = null;
        try
        {
            final int egressSize = Math.max(1 << 12, Integer.highestOneBit(node.ringSize()) * 2);
            ring = new Disruptor<>(EgressSlot::new, egressSize, new DefaultThreadFactory("hytrix-egress", true),
                ProducerType.SINGLE, settings.node().pipeline().waitStrategy().create());
            final SseHub sse = new SseHub();
            this.publisher = new EgressPublisher(ring.getRingBuffer(), sse::hasSubscribers, node.paths(), node.journal(),
                node.snapshots());
            final GatewayMetrics metrics = new GatewayMetrics(node::outputsFailure);
            final PendingRequests pending = new PendingRequests(http.limits().maxRequestsInFlight());
            final ConnectionLimit connections = new ConnectionLimit(http.limits().maxConnections(), metrics);
            this.context = new GatewayContext(http, node.gate(), pending, metrics, sse, node::degraded,
                new MapsResource(settings.node().maps()));
            ring.handleEventsWith(new EgressHandler(pending, metrics, sse, node.gate(), node.snapshots()));
            ring.start();
            this.egress = ring;
            node.start(publisher);

            group = new MultiThreadIoEventLoopGroup(http.ioThreads(), new DefaultThreadFactory("hytrix-http"),
                NioIoHandler.newFactory());
            this.loops = group;
            this.server = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Past 1 MiB of unsent output a connection is "unwritable": event streams are cut then.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        // The cap first: a connection over it costs neither a TLS handshake nor a parser.
                        ch.pipeline().addLast(connections);
                        if (tls != null)
                        {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        final ClientLimits limits = http.limits();
                        if (limits.idleTimeoutSeconds() > 0)
                        {
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, limits.idleTimeoutSeconds(), TimeUnit.SECONDS));
                        }
                        final RequestDeadline deadline = limits.requestDeadlineSeconds() > 0
                            ? new RequestDeadline(limits.requestDeadlineSeconds(), metrics) : null;
                        if (deadline != null)
                        {
                            ch.pipeline().addLast(deadline);
                        }
                        ch.pipeline().addLast(new HttpServerCodec());
                        if (deadline != null)
                        {
                            ch.pipeline().addLast(deadline.end());
                        }
                        ch.pipeline().addLast(new BodyLimit(limits.maxBodyBytes(), metrics),
                            new RequestHandler(context));
                    }
                })
                .bind(http.bind(), http.port()).syncUninterruptibly().channel();
        }
        catch (final RuntimeException | Error ex)
        {
            node.drain();
            if (ring != null)
            {
                ring.shutdown();
            }
            if (group != null)
            {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
            node.stop();
            throw ex;
        }
    }

    /** Opens the journal, recovers its commands into the engine and starts serving. */
    public static HttpService start(final ServiceSettings settings)
    {
        return new HttpService(settings, line -> { });
    }

    /** As {@link #start(ServiceSettings)}, telling {@code log} about snapshots skipped during recovery. */
    public static HttpService start(final ServiceSettings settings, final Consumer<String> log)
    {
        return new HttpService(settings, log);
    }

    public Node node()
    {
        return node;
    }

    /** The port actually bound (useful with port 0). */
    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** Where clients reach the API: https when TLS is on. */
    public String url()
    {
        final String bind = settings.http().bind();
        final String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return (settings.http().tls() == null ? "http://" : "https://") + host + ":" + port();
    }

    /** Where recovery started, how many commands it replayed and how long it took. */
    public Recovery.Recovered recovery()
    {
        return node.recovery();
    }

    /** Commands the recovered state covers (from a snapshot and the journal after it). */
    public long recoveredCommands()
    {
        return node.recovery().handler().commands();
    }

    public ServiceSettings settings()
    {
        return settings;
    }

    /** Snapshots written to disk since start. */
    long snapshotsWritten()
    {
        return node.snapshots().written();
    }

    /** Test hook: the handler parks after applying its next command, before answering it, until {@code latch} opens (fills the ring for 503 tests). */
    void stallHandlerUntil(final CountDownLatch latch)
    {
        publisher.stallUntil(latch);
    }

    /** Requests admitted and not yet answered (tests poll this instead of sleeping). */
    int requestsInFlight()
    {
        return context.pending.inFlight();
    }

    @Override
    public void close()
    {
        stop();
    }

    /** Orderly stop; idempotent. @return the final state hash and command count (what replay of the journal gives). */
    public synchronized ShutdownSummary stop()
    {
        if (stopped != null)
        {
            return stopped;
        }
        server.close().syncUninterruptibly();
        node.stopInputs();
        context.closing = true;
        node.drain();
        egress.shutdown();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        stopped = node.stop();
        return stopped;
    }
}
