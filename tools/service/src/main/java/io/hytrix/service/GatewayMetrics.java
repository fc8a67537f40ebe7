package io.hytrix.service;

import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.pipeline.JournalHealth;
import io.hytrix.engine.command.ResultCode;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The gateway's counters and their Prometheus text. Outcome counts and the latency histogram are
 * written by the egress thread alone and rendered by it too (a /metrics answer is formatted on
 * the egress thread), so they are plain fields. HTTP status and edge-rejection counts come from
 * the event loops and are atomic. Engine-side figures (path cache, journal bytes) arrive in the
 * answer to a STATE query, read on the handler thread.
 */
final class GatewayMetrics
{
    /** Latency bucket upper bounds in nanoseconds, from intended send (request received) to outcome. */
    private static final long[] BOUNDS = {
        50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000,
        50_000_000, 100_000_000, 250_000_000, 500_000_000, 1_000_000_000, 2_500_000_000L };

    // --- egress thread only ---
    private final long[] outcomes = new long[32];
    private final long[] byType = new long[CommandType.values().length];
    private final long[] duplicates = new long[1];
    private final long[] buckets = new long[BOUNDS.length + 1];
    private long latencySumNanos;
    private long latencyCount;
    private long ticks;

    /** Why the recorded outputs stopped, or null while they are recorded (any thread). */
    private final Supplier<String> outputsFailure;

    // --- any thread ---
    private final AtomicLongArray httpStatus = new AtomicLongArray(600);
    private final Map<String, AtomicLong> edgeRejections = new ConcurrentHashMap<>();

    GatewayMetrics()
    {
        this(() -> null);
    }

    GatewayMetrics(final Supplier<String> outputsFailure)
    {
        this.outputsFailure = outputsFailure;
    }

    /** Egress thread. */
    void outcome(final EgressSlot o, final long nowNanos)
    {
        outcomes[o.result.code()]++;
        byType[o.type.ordinal()]++;
        if (o.duplicate)
        {
            duplicates[0]++;
        }
        if (o.type == CommandType.TICK)
        {
            ticks++;
            return;
        }
        if (o.correlation != 0)
        {
            final long latency = Math.max(0, nowNanos - o.intendedNanos);
            int b = 0;
            while (b < BOUNDS.length && latency > BOUNDS[b])
            {
                b++;
            }
            buckets[b]++;
            latencySumNanos += latency;
            latencyCount++;
        }
    }

    void httpResponse(final int status)
    {
        if (status >= 0 && status < 600)
        {
            httpStatus.incrementAndGet(status);
        }
    }

    void edgeRejection(final String code)
    {
        edgeRejections.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
    }

    /** Egress thread: the whole exposition, with the engine's figures from a STATE answer. */
    String render(final EgressSlot engine, final long ringRemaining, final int ringSize, final int inFlight,
        final int sseSubscribers, final NodeSnapshots snapshots, final JournalHealth journal)
    {
        final StringBuilder sb = new StringBuilder(4096);
        header(sb, "hytrix_commands_total", "counter", "Commands the engine answered (ticks included), by result code.");
        for (final ResultCode code : ResultCode.values())
        {
            sb.append("hytrix_commands_total{code=\"").append(code.name()).append("\"} ").append(outcomes[code.code()]).append('\n');
        }
        header(sb, "hytrix_commands_by_type_total", "counter", "Commands the engine answered, by command type.");
        for (final CommandType type : CommandType.values())
        {
            sb.append("hytrix_commands_by_type_total{type=\"").append(type.wireName()).append("\"} ").append(byType[type.ordinal()])
                .append('\n');
        }
        header(sb, "hytrix_rejections_total", "counter", "Commands the engine rejected, by result code.");
        for (final ResultCode code : ResultCode.values())
        {
            if (!code.accepted())
            {
                sb.append("hytrix_rejections_total{code=\"").append(code.name()).append("\"} ").append(outcomes[code.code()]).append('\n');
            }
        }
        gauge(sb, "hytrix_duplicates_total", "counter", "Commands answered from the idempotency window, not applied again.", duplicates[0]);
        gauge(sb, "hytrix_ticks_total", "counter", "Ticks the clock published and the engine applied.", ticks);
        header(sb, "hytrix_edge_rejections_total", "counter", "Requests refused by the gateway before the ring, by error code.");
        for (final Map.Entry<String, AtomicLong> e : new TreeMap<>(edgeRejections).entrySet())
        {
            sb.append("hytrix_edge_rejections_total{code=\"").append(e.getKey()).append("\"} ").append(e.getValue().get()).append('\n');
        }
        header(sb, "hytrix_http_responses_total", "counter", "HTTP responses, by status.");
        for (int s = 100; s < 600; s++)
        {
            final long n = httpStatus.get(s);
            if (n > 0)
            {
                sb.append("hytrix_http_responses_total{status=\"").append(s).append("\"} ").append(n).append('\n');
            }
        }
        header(sb, "hytrix_command_latency_seconds", "histogram",
            "From the request's arrival to the command's outcome (after journal and handler).");
        long cumulative = 0;
        for (int b = 0; b < BOUNDS.length; b++)
        {
            cumulative += buckets[b];
            sb.append("hytrix_command_latency_seconds_bucket{le=\"").append(BOUNDS[b] / 1e9).append("\"} ").append(cumulative).append('\n');
        }
        cumulative += buckets[BOUNDS.length];
        sb.append("hytrix_command_latency_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        sb.append("hytrix_command_latency_seconds_sum ").append(latencySumNanos / 1e9).append('\n');
        sb.append("hytrix_command_latency_seconds_count ").append(latencyCount).append('\n');
        gauge(sb, "hytrix_ring_remaining_capacity", "gauge", "Free slots in the command ring.", ringRemaining);
        gauge(sb, "hytrix_ring_size", "gauge", "Slots in the command ring.", ringSize);
        gauge(sb, "hytrix_requests_in_flight", "gauge", "Requests waiting for the engine.", inFlight);
        gauge(sb, "hytrix_sse_subscribers", "gauge", "Open event streams.", sseSubscribers);
        gauge(sb, "hytrix_hunts_running", "gauge", "Hunts running now.", engine.runningHunts);
        gauge(sb, "hytrix_actors", "gauge", "Actors in running hunts now.", engine.runningActors);
        gauge(sb, "hytrix_engine_commands", "gauge", "Journaled commands the handler has applied (recovered ones included).", engine.commands);
        gauge(sb, "hytrix_journal_index", "gauge", "Journal index of the last applied command (-1 before the first).", engine.journalIndex);
        gauge(sb, "hytrix_journal_bytes_total", "counter", "Bytes appended to the journal since start.", engine.journalBytes);
        gauge(sb, "hytrix_journal_up", "gauge", "1 while the journal takes appends; 0 while the node refuses writes.",
            journal.down() ? 0 : 1);
        gauge(sb, "hytrix_journal_append_failures_total", "counter", "Appends the journal refused (those commands were not applied).",
            journal.failures());
        gauge(sb, "hytrix_outputs_up", "gauge", "1 while outputs are recorded (or off by choice); 0 after recording failed.",
            outputsFailure.get() == null ? 1 : 0);
        gauge(sb, "hytrix_path_cache_hits_total", "counter", "Global path cache hits.", engine.pathHits);
        gauge(sb, "hytrix_path_cache_misses_total", "counter", "Global path cache misses (paths computed).", engine.pathMisses);
        gauge(sb, "hytrix_path_cache_evictions_total", "counter", "Global path cache evictions.", engine.pathEvictions);
        gauge(sb, "hytrix_snapshots_written_total", "counter", "Snapshots written to disk since start.", snapshots.written());
        gauge(sb, "hytrix_snapshot_failures_total", "counter", "Snapshots that could not be written.", snapshots.failures());
        gauge(sb, "hytrix_snapshot_last_journal_index", "gauge", "Journal index the last written snapshot covers (-1: none yet).",
            snapshots.lastIndex());
        gauge(sb, "hytrix_snapshot_last_bytes", "gauge", "Payload size of the last snapshot written.", snapshots.lastBytes());
        header(sb, "hytrix_snapshot_last_stall_seconds", "gauge", "How long the handler was held serialising the last snapshot.");
        sb.append("hytrix_snapshot_last_stall_seconds ").append(snapshots.lastStallNanos() / 1e9).append('\n');
        header(sb, "hytrix_snapshot_last_write_seconds", "gauge", "Background write, force and rename of the last snapshot.");
        sb.append("hytrix_snapshot_last_write_seconds ").append(snapshots.lastWriteNanos() / 1e9).append('\n');
        header(sb, "jvm_gc_collections_total", "counter", "Garbage collections, by collector.");
        final StringBuilder seconds = new StringBuilder();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            final String name = gc.getName().replace("\"", "'");
            sb.append("jvm_gc_collections_total{gc=\"").append(name).append("\"} ").append(Math.max(0, gc.getCollectionCount())).append('\n');
            seconds.append("jvm_gc_collection_seconds_total{gc=\"").append(name).append("\"} ")
                .append(Math.max(0, gc.getCollectionTime()) / 1e3).append('\n');
        }
        header(sb, "jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection (pauses and concurrent work), by collector.");
        sb.append(seconds);
        final Runtime rt = Runtime.getRuntime();
        gauge(sb, "jvm_heap_used_bytes", "gauge", "Heap in use.", rt.totalMemory() - rt.freeMemory());
        return sb.toString();
    }

    private static void header(final StringBuilder sb, final String name, final String type, final String help)
    {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(final StringBuilder sb, final String name, final String type, final String help, final long value)
    {
        header(sb, name, type, help);
        sb.append(name).append(' ').append(value).append('\n');
    }
}
