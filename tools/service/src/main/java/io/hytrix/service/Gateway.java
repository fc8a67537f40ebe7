package io.hytrix.service;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.pipeline.Pipeline;
import io.hytrix.journal.JournalFormatException;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalConfig;
import io.hytrix.journal.output.OutputQueue;
import io.hytrix.journal.output.OutputRecorder;
import io.hytrix.engine.game.FanOut;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.engine.game.SwitchableListener;
import io.hytrix.replay.recovery.Recovery;
import io.hytrix.journal.snapshot.SnapshotStore;
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
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network service, assembled: journal (recovered into the handler on start), the command
 * pipeline, the egress ring and its thread, the tick clock and the Netty front door.
 * <pre>
 *  event loops --parse, validate--> RingGate --> [command ring] J: journal -> BL: GameHandler
 *                                                                    | GatewayListener (copies, no allocation)
 *  connections <--answers, event streams-- egress thread <-- [egress ring]
 * </pre>
 * {@link #close()} is the orderly shutdown: stop accepting, stop the clock, refuse new requests,
 * drain both rings (every accepted command is journaled, applied and answered), close the journal.
 */
public final class Gateway implements AutoCloseable
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final ChronicleJournal journal;
    private final OutputQueue outputs;
    private final GameHandler handler;
    private final GatewayListener listener;
    private final Disruptor<EgressSlot> egress;
    private final Pipeline pipeline;
    private final GatewayContext context;
    private final TickClock clock;
    private final EventLoopGroup loops;
    private final Channel server;
    private final Recovery.Recovered recovery;
    private final GatewaySnapshots snapshots;
    private final SnapshotScheduler scheduler;
    private ShutdownSummary summary;

    private Gateway(final GatewayConfig config, final Consumer<String> log)
    {
        this.config = config;
        final ShippedMaps maps = new ShippedMaps(config.maps());
        final PathCache paths = PathCache.ofBudget(PathCache.DEFAULT_BUDGET_BYTES, new AStarPathfinder());
        if (config.freshJournal())
        {
            deleteSnapshots(config.snapshots());
        }
        JournalConfig journalConfig = JournalConfig.in(config.journal())
            .withMode(config.freshJournal() ? JournalConfig.Mode.FRESH : JournalConfig.Mode.APPEND)
            .withSync(config.sync());
        if (config.rollCycle() != null)
        {
            journalConfig = journalConfig.withRollCycle(config.rollCycle());
        }
        this.journal = ChronicleJournal.open(journalConfig);
        OutputQueue opened = null;
        try
        {
            opened = config.outputs().open(config.freshJournal(), journal.nextIndex());
            this.outputs = opened;
            final int egressSize = Math.max(1 << 12, Integer.highestOneBit(config.pipeline().ringSize()) * 2);
            this.egress = new Disruptor<>(EgressSlot::new, egressSize, new DefaultThreadFactory("hytrix-egress", true),
                ProducerType.SINGLE, config.pipeline().waitStrategy().create());
            final RingBuffer<EgressSlot> egressRing = egress.getRingBuffer();
            final SseHub sse = new SseHub();
            this.snapshots = new GatewaySnapshots(config.snapshots(), config.snapshotKeep());
            this.listener = new GatewayListener(egressRing, sse, paths, journal, snapshots);
            final SwitchableListener switchable = new SwitchableListener();
            this.recovery = recover(maps, paths,
                outputs == null ? switchable : new FanOut(List.of(switchable, new OutputRecorder(outputs))), log);
            this.handler = recovery.handler();
            switchable.target(listener);
            listener.goLive();

            this.pipeline = new Pipeline(config.pipeline(), journal, handler);
            final RingGate gate = new RingGate(pipeline);
            final GatewayMetrics metrics = new GatewayMetrics();
            final PendingRequests pending = new PendingRequests(config.maxRequestsInFlight());
            this.context = new GatewayContext(config, gate, pending, metrics, sse);
            egress.handleEventsWith(new EgressHandler(pending, metrics, sse, gate, snapshots));
            egress.start();
            pipeline.start();
            this.clock = config.tickHz() > 0 ? new TickClock(gate, config.tickHz()) : null;
            this.scheduler = SnapshotScheduler.enabled(config) ? new SnapshotScheduler(gate, snapshots, listener::applied,
                config.snapshotEveryCommands(), config.snapshotEverySeconds()) : null;

            this.loops = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("hytrix-http"),
                NioIoHandler.newFactory());
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
                        if (config.idleTimeoutSeconds() > 0)
                        {
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, config.idleTimeoutSeconds(), TimeUnit.SECONDS));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new BodyLimit(config.maxBodyBytes(), metrics),
                            new RequestHandler(context));
                    }
                })
                .bind(config.bind(), config.port()).syncUninterruptibly().channel();
            if (clock != null)
            {
                clock.start();
            }
            if (scheduler != null)
            {
                scheduler.start();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            if (opened != null)
            {
                opened.close();
            }
            journal.close();
            throw ex;
        }
    }

    /** Opens the journal, recovers its commands into the engine and starts serving. */
    public static Gateway start(final GatewayConfig config)
    {
        return new Gateway(config, line -> { });
    }

    /** As {@link #start(GatewayConfig)}, telling {@code log} about snapshots skipped during recovery. */
    public static Gateway start(final GatewayConfig config, final Consumer<String> log)
    {
        return new Gateway(config, log);
    }

    /** The service cannot start from what is on disk; the message is one line saying why and what to do. */
    public static final class RecoveryRefused extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        private final long index;

        RecoveryRefused(final String message, final long index, final Throwable cause)
        {
            super(message, cause);
            this.index = index;
        }

        /** Journal index of the corrupt entry, or -1 when the problem is not one entry. */
        public long index()
        {
            return index;
        }
    }

    /**
     * The newest valid snapshot, then the journal after it, through the engine's own handler (whose
     * listener is switched on only afterwards: nobody waits for those answers). A corrupt entry stops
     * the start with its index and the repair command; a journal that does not end where the appender
     * continues is refused as well. Nothing is skipped silently.
     */
    private Recovery.Recovered recover(final ShippedMaps maps, final PathCache paths, final EngineListener listener,
        final Consumer<String> log)
    {
        final Recovery.Recovered recovered;
        try
        {
            recovered = Recovery.recover(config.journal(), config.snapshots(), maps, paths, listener,
                config.outputs().checksumEveryTicks(), line -> log.accept("recovery: " + line));
        }
        catch (final JournalFormatException ex)
        {
            throw new RecoveryRefused(ex.getMessage() + "; refusing to start (nothing is skipped silently). To keep the "
                + ex.index() + " entries before it and drop it and everything after it, run: ./hytrix journal repair "
                + config.journal() + " --truncate-at " + ex.index(), ex.index(), ex);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new RecoveryRefused("cannot recover " + config.journal() + ": " + ex.getMessage(), -1, ex);
        }
        final long next = recovered.handler().lastJournalIndex() + 1;
        if (next != journal.nextIndex())
        {
            throw new RecoveryRefused("journal " + config.journal() + " holds " + journal.nextIndex()
                + " entries but recovery ended after entry " + (next - 1) + "; run ./hytrix journal verify " + config.journal(),
                -1, null);
        }
        return recovered;
    }

    private static void deleteSnapshots(final Path dir)
    {
        try
        {
            for (final Path file : new SnapshotStore(dir).files())
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the old snapshots in " + dir + " for --fresh: " + ex.getMessage(), ex);
        }
    }

    /** Where recovery started, how many commands it replayed and how long it took. */
    public Recovery.Recovered recovery()
    {
        return recovery;
    }

    /** The port actually bound (useful with port 0). */
    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    public String url()
    {
        final String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    /** Commands the recovered state covers (from a snapshot and the journal after it). */
    public long recoveredCommands()
    {
        return handler.commands();
    }

    public GatewayConfig config()
    {
        return config;
    }

    /** Snapshots written to disk since start. */
    long snapshotsWritten()
    {
        return snapshots.written();
    }

    /** Test hook: the handler parks after applying its next command, before answering it, until {@code latch} opens (fills the ring for 503 tests). */
    void stallHandlerUntil(final CountDownLatch latch)
    {
        listener.stallUntil(latch);
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

    /** The pipeline has halted, so this thread may read the handler's state; failures only cost a longer restart. */
    private void finalSnapshot()
    {
        try
        {
            snapshots.take(handler);
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("no snapshot on stop; the next start replays the journal after the newest snapshot", ex);
        }
    }

    /** Orderly stop; idempotent. @return the final state hash and command count (what replay of the journal gives). */
    public synchronized ShutdownSummary stop()
    {
        if (summary != null)
        {
            return summary;
        }
        server.close().syncUninterruptibly();
        if (clock != null)
        {
            try
            {
                clock.stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (scheduler != null)
        {
            try
            {
                scheduler.stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        context.closing = true;
        context.gate.close();
        pipeline.close();
        egress.shutdown();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (config.snapshotOnStop())
        {
            finalSnapshot();
        }
        snapshots.close(); // waits for the writer
        if (outputs != null)
        {
            outputs.close();
        }
        journal.close();
        summary = new ShutdownSummary(handler.stateHash(), handler.commands());
        return summary;
    }
}
