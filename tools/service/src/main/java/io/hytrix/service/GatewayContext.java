package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.function.Supplier;

/**
 * What every connection's {@link RequestHandler} shares: the gate into the ring, the table of
 * requests in flight, the counters, the streams, and per-event-loop scratch (a parser and a batch of
 * command templates) so parsing a request allocates little and nothing is shared between threads.
 */
final class GatewayContext
{
    final HttpSettings config;
    /** What every endpoint but /health needs, or null: open. */
    final BearerToken clientToken;
    /** What /v1/admin/* needs instead of {@link #clientToken}, or null: the client token opens them too. */
    final BearerToken adminToken;
    final RingGate gate;
    final PendingRequests pending;
    final GatewayMetrics metrics;
    final SseHub sse;
    /** The maps clients may list and read (immutable, answered on the event loop). */
    final MapsResource maps;
    /** Why the node is degraded (its recorded outputs stopped), or null. */
    final Supplier<String> degraded;
    final int maxCommandsPerRequest;
    /** Set when shutdown starts: new requests are answered 503 instead of entering the ring. */
    volatile boolean closing;

    final FastThreadLocal<CommandBatch> batch = new FastThreadLocal<>()
    {
        @Override
        protected CommandBatch initialValue()
        {
            return new CommandBatch();
        }
    };
    final FastThreadLocal<CommandJsonParser> parser = new FastThreadLocal<>()
    {
        @Override
        protected CommandJsonParser initialValue()
        {
            return new CommandJsonParser(maxCommandsPerRequest);
        }
    };
    final FastThreadLocal<CommandEvent[]> queryTemplate = new FastThreadLocal<>()
    {
        @Override
        protected CommandEvent[] initialValue()
        {
            return new CommandEvent[] { new CommandEvent() };
        }
    };

    GatewayContext(final HttpSettings config, final RingGate gate, final PendingRequests pending,
        final GatewayMetrics metrics, final SseHub sse, final Supplier<String> degraded, final MapsResource maps)
    {
        this.maps = maps;
        this.degraded = degraded;
        this.config = config;
        this.clientToken = BearerToken.of(config.token());
        this.adminToken = BearerToken.of(config.adminToken());
        this.gate = gate;
        this.pending = pending;
        this.metrics = metrics;
        this.sse = sse;
        // A request larger than the ring could never be admitted; leave room for the clock's ticks.
        this.maxCommandsPerRequest = Math.max(1, Math.min(config.limits().maxCommandsPerRequest(), gate.ringSize() / 2));
    }
}
