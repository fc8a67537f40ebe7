package io.hytrix.cli;

import io.hytrix.service.OutputSettings;
import io.hytrix.service.ShutdownSummary;
import io.hytrix.service.HttpService;
import io.hytrix.service.HttpSettings;
import io.hytrix.service.Node;
import io.hytrix.service.NodeSettings;
import io.hytrix.service.ServiceSettings;
import io.hytrix.service.SnapshotSettings;
import io.hytrix.service.TlsSettings;
import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.engine.pipeline.ThreadLayout;
import io.hytrix.engine.pipeline.WaitStrategyName;
import io.hytrix.journal.JournalConfig;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./hytrix serve}: the network service until SIGTERM (or Ctrl-C), then an orderly stop and the state hash. */
public final class ServeVerb implements Verb
{
    @Override
    public String name()
    {
        return "serve";
    }

    @Override
    public String summary()
    {
        return "run the service: HTTP API, tick clock, journal; SIGTERM stops it cleanly";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix serve [--bind ADDR] [--port N] [--journal DIR] [--fresh] [--tick-hz N] [--token-file F]",
            "                      [--admin-token-file F] [--tls-cert FILE.pem --tls-key FILE.pem]",
            "                      [--idle-timeout S] [--request-deadline S] [--max-connections N] [--min-free-disk MB]",
            "                      [--max-body BYTES] [--ring-size N] [--wait-strategy W] [--layout L] [--maps DIR]",
            "                      [--snapshots DIR] [--snapshot-every-commands N] [--snapshot-every-seconds S]",
            "                      [--snapshot-keep K] [--no-snapshot-on-stop] [--sync] [--roll-cycle NAME]",
            "                      [--outputs DIR | --no-outputs] [--checksum-every-ticks N]",
            "",
            "Serves the HTTP/1.1 API (POST /v1/commands, GET /v1/hunts/{id}, /v1/actors/{id}, /v1/events?hunt=ID,",
            "/v1/state, POST /v1/admin/snapshot, /health, /metrics, /openapi.yaml) in front of the journaled engine,",
            "and posts a tick command N times a second. On start it recovers: the newest valid snapshot, then the",
            "journal after it (corrupt or partial snapshots are reported and skipped), and says where it started,",
            "how many commands it replayed and how long that took. A corrupt journal entry stops the start with",
            "its index and the repair command (exit 2). Prints one line with the address it listens on; on",
            "SIGTERM or Ctrl-C it stops accepting, drains the ring, closes the journal and prints as its last line",
            "  stateHash=<16 hex digits> commands=<n>",
            "(the hash ./hytrix replay DIR prints for the journal), then exits 0.",
            "",
            "  --bind ADDR           address to listen on (default 127.0.0.1)",
            "  --port N              port (default 7070; 0 picks a free one and the log line names it)",
            "  --journal DIR         journal directory (default ./data/journal); existing commands are recovered",
            "  --fresh               empty the journal first instead of recovering it",
            "  --tick-hz N           ticks per second (default 10; 0 stops time)",
            "  --token-file F        require 'Authorization: Bearer <token>' (the file's content) except on /health",
            "  --admin-token-file F  /v1/admin/* then needs this token instead (the client token gets 403",
            "                        ADMIN_TOKEN_REQUIRED there; this one opens nothing else); without it the",
            "                        admin endpoints take the --token-file token like the others",
            "  --tls-cert FILE.pem   serve HTTPS: the PEM certificate chain (server certificate first) ...",
            "  --tls-key FILE.pem    ... and its unencrypted PKCS#8 private key (BEGIN PRIVATE KEY); both or neither",
            "  --max-body BYTES      largest request body (default 1048576)",
            "  --idle-timeout S      close a connection idle for S seconds (no request pending, no event stream;",
            "                        default 60, 0: never); a request sent byte by byte that stalls counts as idle",
            "  --ring-size N         command ring slots, a power of two (default 65536)",
            "  --wait-strategy W     counted-blocking (default: blocks, locks only when a consumer waits), blocking,",
            "                        sleeping, yielding, busy-spin",
            "  --layout L            split (journaller and handler threads, default) or composed",
            "  --maps DIR            look for NAME.map files here before the shipped maps",
            "  --snapshots DIR       snapshot directory (default: <journal>.snapshots beside the journal directory)",
            "  --snapshot-every-commands N  snapshot after N applied commands (default 1000000; 0: off)",
            "  --snapshot-every-seconds S   snapshot every S seconds when commands were applied (default 60; 0: off)",
            "  --snapshot-keep K     keep the newest K snapshot files (default 3)",
            "  --no-snapshot-on-stop do not snapshot the final state on an orderly stop (by default the next",
            "                        start then replays nothing)",
            "  --sync                force the journal to disk (once per batch) before its commands are applied and answered",
            "                        (survives power loss; default: survives a process crash)",
            "  --roll-cycle NAME     Chronicle roll cycle of a new journal (default FAST_DAILY; e.g. FAST_HOURLY)",
            "  --request-deadline S  close a connection whose request (headers and body) is not all in S seconds",
            "                        after its first byte, however slowly it trickles (default 10; 0: no deadline)",
            "  --max-connections N   close new connections beyond N open ones at once (default 10000; 0: no cap)",
            "  --min-free-disk MB    refuse commands (503 JOURNAL_UNAVAILABLE; reads go on) while the journal's disk",
            "                        has less free space than this, and take them again when it has (default 64; 0: off)",
            String.join("\n", OutputOptions.USAGE));
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws InterruptedException
    {
        final Args args = Args.parse(argv, 1, OutputOptions.with(OutputOptions.VALUED, Set.of("bind", "port", "journal",
            "tick-hz", "token-file", "admin-token-file", "tls-cert", "tls-key", "max-body", "ring-size", "wait-strategy", "layout", "maps", "snapshots",
            "snapshot-every-commands", "snapshot-every-seconds", "snapshot-keep", "roll-cycle", "idle-timeout",
            "min-free-disk", "request-deadline", "max-connections")),
            OutputOptions.with(OutputOptions.FLAGS, Set.of("fresh", "sync", "no-snapshot-on-stop")));
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        args.positionals();
        final int ringSize = args.intValue("ring-size", 1 << 16, 2, 1 << 24);
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new UsageException("--ring-size must be a power of two, got " + ringSize);
        }
        final String maps = args.string("maps", null);
        final String rollCycle = args.string("roll-cycle", null);
        if (rollCycle != null)
        {
            JournalConfig.rollCycleNamed(rollCycle); // a bad name is a usage error before anything is opened
        }
        final String snapshots = args.string("snapshots", null);
        final Path journal = Path.of(args.string("journal", "data/journal"));
        final NodeSettings node = new NodeSettings(
            journalConfig(journal, args.flag("fresh"), args.flag("sync"), rollCycle),
            OutputOptions.parse(args, journal),
            new SnapshotSettings(snapshots == null ? null : Path.of(snapshots),
                args.longValue("snapshot-every-commands", 1_000_000, 0, Long.MAX_VALUE),
                args.intValue("snapshot-every-seconds", 60, 0, 86_400 * 365), args.intValue("snapshot-keep", 3, 1, 1000),
                !args.flag("no-snapshot-on-stop")),
            PipelineConfig.defaults()
                .withRingSize(ringSize)
                .withWaitStrategy(WaitStrategyName.parse(args.string("wait-strategy", "counted-blocking")))
                .withLayout(ThreadLayout.parse(args.string("layout", "split"))),
            args.intValue("tick-hz", 10, 0, 1000),
            maps == null ? null : Args.readable(maps, true),
            args.longValue("min-free-disk", NodeSettings.DEFAULT_MIN_FREE_DISK_BYTES >> 20, 0, 1L << 30) << 20);
        final byte[] clientToken = token(args.string("token-file", null), "token file");
        final byte[] adminToken = token(args.string("admin-token-file", null), "admin token file");
        if (adminToken != null && clientToken != null && Arrays.equals(adminToken, clientToken))
        {
            throw new UsageException("--admin-token-file holds the same token as --token-file; give the admin a token of its own");
        }
        final HttpSettings http = HttpSettings.DEFAULTS
            .withAddress(args.string("bind", "127.0.0.1"), args.intValue("port", 7070, 0, 65535))
            .withToken(clientToken)
            .withAdminToken(adminToken)
            .withTls(tls(args.string("tls-cert", null), args.string("tls-key", null)))
            .withLimits(limits -> limits
                .withMaxBodyBytes(args.intValue("max-body", 1 << 20, 64, 256 << 20))
                .withIdleTimeoutSeconds(args.intValue("idle-timeout", 60, 0, 86_400))
                .withRequestDeadlineSeconds(args.intValue("request-deadline", 10, 0, 86_400))
                .withMaxConnections(args.intValue("max-connections", 10_000, 0, 1 << 20)));

        final HttpService service;
        try
        {
            service = HttpService.start(new ServiceSettings(node, http), line ->
            {
                out.println("hytrix serve: " + line);
                out.flush();
            });
        }
        catch (final Node.RecoveryRefused ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final CountDownLatch stop = new CountDownLatch(1);
        // Handling TERM ourselves (instead of a shutdown hook) lets the drain finish and the exit code be 0.
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());

        final SnapshotSettings snapshotPolicy = node.snapshots();
        out.println("hytrix serve: recovered " + service.recovery().describe() + " (snapshots in "
            + node.snapshotDirectory() + "; " + service.recoveredCommands() + " commands in the state)");
        out.printf("hytrix serve: listening on %s (journal %s, %d commands recovered; %d ticks/s; ring %d, %s; auth %s)%n",
            service.url(), journal, service.recoveredCommands(), node.tickHz(), ringSize,
            node.pipeline().waitStrategy().name().toLowerCase(), auth(http));
        out.printf("hytrix serve: durability %s; snapshots every %s commands / %s s, keeping %d%n",
            node.journal().sync() ? "--sync (each batch forced to disk before it is applied: survives power loss)"
                : "default (each append in the memory-mapped journal before it is applied: survives a process crash)",
            snapshotPolicy.everyCommands() == 0 ? "-" : Long.toString(snapshotPolicy.everyCommands()),
            snapshotPolicy.everySeconds() == 0 ? "-" : Integer.toString(snapshotPolicy.everySeconds()), snapshotPolicy.keep());
        out.println("hytrix serve: " + node.outputs().describe());
        out.flush();
        stop.await();
        out.println("hytrix serve: stopping: draining the ring and closing the journal");
        final ShutdownSummary summary = service.stop();
        out.println(summary.lastLine());
        out.flush();
        return 0;
    }

    private static JournalConfig journalConfig(final Path dir, final boolean fresh, final boolean sync, final String rollCycle)
    {
        final JournalConfig config = JournalConfig.in(dir).withMode(fresh ? JournalConfig.Mode.FRESH : JournalConfig.Mode.APPEND)
            .withSync(sync);
        return rollCycle == null ? config : config.withRollCycle(rollCycle);
    }

    /** Which tokens are in force, never what they are. */
    private static String auth(final HttpSettings http)
    {
        final String client = http.authRequired() ? "bearer token" : "off";
        return http.adminTokenRequired() ? client + ", admin token on /v1/admin/*" : client;
    }

    private static TlsSettings tls(final String cert, final String key)
    {
        if (cert == null && key == null)
        {
            return null;
        }
        if (cert == null || key == null)
        {
            throw new UsageException("--tls-cert and --tls-key go together: give both or neither");
        }
        return new TlsSettings(Path.of(cert), Path.of(key));
    }

    private static byte[] token(final String file, final String what)
    {
        if (file == null)
        {
            return null;
        }
        final Path path = Args.readable(file, false);
        final String text;
        try
        {
            text = Files.readString(path, StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read " + what + " " + file + ": " + ex.getMessage());
        }
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= 0x20 || c > 0x7e))
        {
            throw new UsageException(what + " " + file + " must hold one token of printable ASCII without spaces");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
