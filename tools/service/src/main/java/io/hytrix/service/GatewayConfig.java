package io.hytrix.service;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.WaitStrategyName;

import io.hytrix.journal.QueueFiles;
import io.hytrix.service.OutputSettings;

import java.nio.file.Path;

/** Everything {@code ./hytrix serve} can be told, as one immutable value; each {@code with} returns a copy. */
public final class GatewayConfig
{
    private String bind = "127.0.0.1";
    private int port = 7070;
    private Path journal = Path.of("data", "journal");
    private boolean freshJournal;
    private Path maps;
    private int tickHz = 10;
    private byte[] token;
    private int maxBodyBytes = 1 << 20;
    private int maxCommandsPerRequest = 10_000;
    private int maxRequestsInFlight = 4096;
    private int ioThreads = 1;
    private int idleTimeoutSeconds = 60;
    /** Null: {@code <journal>.snapshots} beside the journal directory. */
    private Path snapshots;
    private long snapshotEveryCommands = 1_000_000;
    private int snapshotEverySeconds = 60;
    private int snapshotKeep = 3;
    private boolean snapshotOnStop = true;
    private boolean sync;
    /** Null: {@code <journal>.outputs} beside the journal, the default checksum interval. */
    private OutputSettings outputs;
    /** Null: the journal module's default (FAST_DAILY). */
    private String rollCycle;
    // Blocking rather than yielding: three consumer threads (journaller, handler, egress) spinning or
    // napping on a 2-core box starve the event loops and the clients that feed them. Measured with loadgen
    // at 20,000 commands/s: blocking gave p50 3.1 ms and 16 s of CPU, sleeping 5.2 ms and 21 s. Counted
    // blocking blocks the same way and locks only when a consumer waits.
    private PipelineConfig pipeline = PipelineConfig.defaults().withWaitStrategy(WaitStrategyName.COUNTED_BLOCKING);

    public static GatewayConfig defaults()
    {
        return new GatewayConfig();
    }

    private GatewayConfig copy()
    {
        final GatewayConfig c = new GatewayConfig();
        c.bind = bind;
        c.port = port;
        c.journal = journal;
        c.freshJournal = freshJournal;
        c.maps = maps;
        c.tickHz = tickHz;
        c.token = token;
        c.maxBodyBytes = maxBodyBytes;
        c.maxCommandsPerRequest = maxCommandsPerRequest;
        c.maxRequestsInFlight = maxRequestsInFlight;
        c.ioThreads = ioThreads;
        c.idleTimeoutSeconds = idleTimeoutSeconds;
        c.pipeline = pipeline;
        c.snapshots = snapshots;
        c.snapshotEveryCommands = snapshotEveryCommands;
        c.snapshotEverySeconds = snapshotEverySeconds;
        c.snapshotKeep = snapshotKeep;
        c.snapshotOnStop = snapshotOnStop;
        c.sync = sync;
        c.outputs = outputs;
        c.rollCycle = rollCycle;
        return c;
    }

    /** Where snapshots are read on start and written while serving; null for {@code <journal>.snapshots}. */
    public GatewayConfig withSnapshots(final Path directory)
    {
        final GatewayConfig c = copy();
        c.snapshots = directory;
        return c;
    }

    /**
     * Periodic snapshots: after {@code commands} applied commands or {@code seconds} seconds, whichever
     * comes first (0 turns that trigger off); {@code keep} newest snapshot files are kept.
     */
    public GatewayConfig withSnapshotPolicy(final long commands, final int seconds, final int keep)
    {
        final GatewayConfig c = copy();
        c.snapshotEveryCommands = commands;
        c.snapshotEverySeconds = seconds;
        c.snapshotKeep = keep;
        return c;
    }

    /** Where outcomes, events and checksums are recorded ({@link OutputSettings#OFF}: nowhere); null for the default. */
    public GatewayConfig withOutputs(final OutputSettings settings)
    {
        final GatewayConfig c = copy();
        c.outputs = settings;
        return c;
    }

    public OutputSettings outputs()
    {
        return outputs != null ? outputs : OutputSettings.besideJournal(journal);
    }

    /** An orderly stop writes a snapshot of the final state, so the next start replays nothing. */
    public GatewayConfig withSnapshotOnStop(final boolean value)
    {
        final GatewayConfig c = copy();
        c.snapshotOnStop = value;
        return c;
    }

    public boolean snapshotOnStop()
    {
        return snapshotOnStop;
    }

    /** Each journal append is forced to the device (msync) before the command is applied and answered. */
    public GatewayConfig withSync(final boolean value)
    {
        final GatewayConfig c = copy();
        c.sync = value;
        return c;
    }

    /** A Chronicle roll cycle name (FAST_DAILY, FAST_HOURLY, ...) for a new journal; null for the default. */
    public GatewayConfig withRollCycle(final String name)
    {
        final GatewayConfig c = copy();
        c.rollCycle = name;
        return c;
    }

    public Path snapshots()
    {
        if (snapshots != null)
        {
            return snapshots;
        }
        return QueueFiles.besideJournal(journal, "snapshots");
    }

    public long snapshotEveryCommands()
    {
        return snapshotEveryCommands;
    }

    public int snapshotEverySeconds()
    {
        return snapshotEverySeconds;
    }

    public int snapshotKeep()
    {
        return snapshotKeep;
    }

    public boolean sync()
    {
        return sync;
    }

    public String rollCycle()
    {
        return rollCycle;
    }

    public GatewayConfig withBind(final String address)
    {
        final GatewayConfig c = copy();
        c.bind = address;
        return c;
    }

    /** 0 picks a free port; {@link Gateway#port()} tells which. */
    public GatewayConfig withPort(final int value)
    {
        final GatewayConfig c = copy();
        c.port = value;
        return c;
    }

    /** @param fresh empty the journal first instead of recovering its commands */
    public GatewayConfig withJournal(final Path directory, final boolean fresh)
    {
        final GatewayConfig c = copy();
        c.journal = directory;
        c.freshJournal = fresh;
        return c;
    }

    public GatewayConfig withMaps(final Path directory)
    {
        final GatewayConfig c = copy();
        c.maps = directory;
        return c;
    }

    /** 0 turns the clock off (time then stands still: for tests and offline tools). */
    public GatewayConfig withTickHz(final int hz)
    {
        final GatewayConfig c = copy();
        c.tickHz = hz;
        return c;
    }

    /** Bearer token every request but /health must carry; null for none. */
    public GatewayConfig withToken(final byte[] value)
    {
        final GatewayConfig c = copy();
        c.token = value == null ? null : value.clone();
        return c;
    }

    public GatewayConfig withMaxBodyBytes(final int bytes)
    {
        final GatewayConfig c = copy();
        c.maxBodyBytes = bytes;
        return c;
    }

    public GatewayConfig withMaxCommandsPerRequest(final int count)
    {
        final GatewayConfig c = copy();
        c.maxCommandsPerRequest = count;
        return c;
    }

    public GatewayConfig withMaxRequestsInFlight(final int count)
    {
        final GatewayConfig c = copy();
        c.maxRequestsInFlight = count;
        return c;
    }

    /**
     * A connection with nothing read or written for this long, no request being answered and no event
     * stream, is closed (0: never): idle and half-sent requests do not hold a connection for ever.
     */
    public GatewayConfig withIdleTimeoutSeconds(final int seconds)
    {
        final GatewayConfig c = copy();
        c.idleTimeoutSeconds = seconds;
        return c;
    }

    public int idleTimeoutSeconds()
    {
        return idleTimeoutSeconds;
    }

    public GatewayConfig withIoThreads(final int count)
    {
        final GatewayConfig c = copy();
        c.ioThreads = count;
        return c;
    }

    public GatewayConfig withPipeline(final PipelineConfig value)
    {
        final GatewayConfig c = copy();
        c.pipeline = value;
        return c;
    }

    public String bind()
    {
        return bind;
    }

    public int port()
    {
        return port;
    }

    public Path journal()
    {
        return journal;
    }

    public boolean freshJournal()
    {
        return freshJournal;
    }

    public Path maps()
    {
        return maps;
    }

    public int tickHz()
    {
        return tickHz;
    }

    byte[] token()
    {
        return token;
    }

    public boolean authRequired()
    {
        return token != null;
    }

    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    public int maxCommandsPerRequest()
    {
        return maxCommandsPerRequest;
    }

    public int maxRequestsInFlight()
    {
        return maxRequestsInFlight;
    }

    public int ioThreads()
    {
        return ioThreads;
    }

    public PipelineConfig pipeline()
    {
        return pipeline;
    }
}
