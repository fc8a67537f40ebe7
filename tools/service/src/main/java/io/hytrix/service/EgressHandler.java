package io.hytrix.service;

import com.lmax.disruptor.EventHandler;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The egress thread: consumes what the handler published, builds each request's answer as its
 * commands' outcomes arrive (in ring order, which is request order), writes finished answers to
 * their connections, feeds the event streams and keeps the outcome counters. All JSON formatting
 * happens here, off the handler thread.
 *
 * <p>A command's events always precede its outcome in this ring with nothing in between (the
 * handler applies one command at a time), so one scratch buffer holds "the current command's events".
 */
final class EgressHandler implements EventHandler<EgressSlot>
{
    private final PendingRequests pending;
    private final GatewayMetrics metrics;
    private final SseHub sse;
    private final RingGate gate;
    private final NodeSnapshots snapshots;
    private final ByteBuf events = Unpooled.buffer(4096);
    private boolean firstEvent = true;

    EgressHandler(final PendingRequests pending, final GatewayMetrics metrics, final SseHub sse, final RingGate gate,
        final NodeSnapshots snapshots)
    {
        this.snapshots = snapshots;
        this.pending = pending;
        this.metrics = metrics;
        this.sse = sse;
        this.gate = gate;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        sse.sync();
    }

    @Override
    public void onEvent(final EgressSlot slot, final long sequence, final boolean endOfBatch)
    {
        switch (slot.kind)
        {
            case EgressSlot.EVENT:
                onGameEvent(slot);
                break;
            case EgressSlot.OUTCOME:
                onOutcome(slot);
                break;
            case EgressSlot.ANSWER:
                onAnswer(slot);
                break;
            default:
                break;
        }
        if (endOfBatch)
        {
            sse.flush();
        }
    }

    private void onGameEvent(final EgressSlot slot)
    {
        if (slot.correlation != 0 && pending.lookup(slot.correlation) != null)
        {
            if (!firstEvent)
            {
                events.writeByte(',');
            }
            firstEvent = false;
            EventJson.write(events, slot);
        }
        if (sse.hasSubscribers())
        {
            sse.publish(slot);
        }
    }

    private void onOutcome(final EgressSlot slot)
    {
        metrics.outcome(slot, System.nanoTime());
        final PendingRequest request = slot.correlation == 0 ? null : pending.lookup(slot.correlation);
        if (request != null)
        {
            if (request.body == null)
            {
                request.body = ByteBufAllocator.DEFAULT.buffer(request.expected * 160 + 2);
                if (request.array)
                {
                    request.body.writeByte('[');
                }
            }
            else
            {
                request.body.writeByte(',');
            }
            AnswerJson.outcome(request.body, slot, events);
            request.unjournaled |= slot.result == ResultCode.JOURNAL_UNAVAILABLE;
            request.conflict |= slot.result == ResultCode.CMD_ID_CONFLICT;
            if (++request.answered == request.expected)
            {
                if (request.array)
                {
                    request.body.writeByte(']');
                }
                final ByteBuf body = request.body;
                final Responder owner = request.owner;
                final boolean unjournaled = request.unjournaled;
                final boolean conflict = request.conflict;
                pending.release(request);
                if (unjournaled)
                {
                    // Outcomes in the body say which commands were applied; a retry of the whole request
                    // is safe (the applied ones are answered as duplicates).
                    owner.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, Responder.JSON, body, HttpHeaderNames.RETRY_AFTER, "1");
                    return;
                }
                // A cmdId reused with other fields is the client's error, not a retry: 409, like a
                // conflicting PUT; the body still says what happened to every command of the request.
                owner.respond(conflict ? HttpResponseStatus.CONFLICT : HttpResponseStatus.OK, Responder.JSON, body);
            }
        }
        events.clear();
        firstEvent = true;
    }

    private void onAnswer(final EgressSlot slot)
    {
        final PendingRequest request = pending.lookup(slot.correlation);
        if (request == null)
        {
            return;
        }
        final Responder owner = request.owner;
        final PendingRequest.Kind kind = request.kind;
        pending.release(request);
        final ByteBuf body = ByteBufAllocator.DEFAULT.buffer(512);
        if (kind == PendingRequest.Kind.METRICS)
        {
            ByteBufUtil.writeAscii(body, metrics.render(slot, gate.remainingCapacity(), gate.ringSize(),
                pending.inFlight(), sse.subscribers(), snapshots, gate.journalHealth()));
            owner.respond(HttpResponseStatus.OK, Responder.PROMETHEUS, body);
            return;
        }
        if (kind == PendingRequest.Kind.SNAPSHOT)
        {
            if (!slot.found)
            {
                AnswerJson.error(body, "NOTHING_TO_SNAPSHOT", "no command has been applied yet: there is no state to snapshot", null);
                owner.respond(HttpResponseStatus.CONFLICT, Responder.JSON, body);
                return;
            }
            AnswerJson.snapshot(body, slot, snapshots.directory());
            owner.respond(HttpResponseStatus.OK, Responder.JSON, body);
            return;
        }
        if (!slot.found)
        {
            final boolean hunt = slot.query == Query.HUNT;
            AnswerJson.error(body, hunt ? "UNKNOWN_HUNT" : "UNKNOWN_ACTOR",
                hunt ? "no running hunt with that id" : "no actor with that id is in a running hunt", "id");
            owner.respond(HttpResponseStatus.NOT_FOUND, Responder.JSON, body);
            return;
        }
        switch (slot.query)
        {
            case HUNT:
                AnswerJson.hunt(body, slot);
                break;
            case ACTOR:
                AnswerJson.actor(body, slot);
                break;
            default:
                AnswerJson.state(body, slot);
                break;
        }
        owner.respond(HttpResponseStatus.OK, Responder.JSON, body);
    }

    @Override
    public void onShutdown()
    {
        sse.flush();
    }
}
