package io.hytrix.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hytrix.engine.game.EventType;
import io.hytrix.replay.codec.EventJsonWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live event streams ({@code GET /v1/events}). Subscribers arrive and leave on event loops; the
 * list itself belongs to the egress thread, which takes arrivals and departures between batches.
 * The handler thread only reads {@link #hasSubscribers()} to skip copying events nobody wants.
 * A subscriber that cannot keep up (its socket's outbound buffer past the high-water mark) is
 * disconnected rather than buffered without bound; it can reconnect and re-read the state.
 */
final class SseHub
{
    /** One open stream. */
    static final class Subscriber
    {
        final Channel channel;
        /** Only this hunt's events, or every hunt's when {@link #allHunts}. */
        final long huntId;
        final boolean allHunts;
        /** Events written in the current batch, flushed together at its end. */
        ByteBuf pending;

        Subscriber(final Channel channel, final long huntId, final boolean allHunts)
        {
            this.channel = channel;
            this.huntId = huntId;
            this.allHunts = allHunts;
        }
    }

    private static final SerializedString ID = new SerializedString("id: ");
    /** Per event type: the line naming it and the start of the data line. */
    private static final SerializedString[] EVENT_DATA = new SerializedString[EventType.values().length];
    private static final SerializedString END = new SerializedString("\n\n");

    static
    {
        for (final EventType type : EventType.values())
        {
            EVENT_DATA[type.ordinal()] = new SerializedString("\nevent: " + type.wireName() + "\ndata: ");
        }
    }

    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentLinkedQueue<Subscriber> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Subscriber> departures = new ConcurrentLinkedQueue<>();
    private final List<Subscriber> active = new ArrayList<>();

    boolean hasSubscribers()
    {
        return count.get() > 0;
    }

    int subscribers()
    {
        return count.get();
    }

    /** Any thread. Counted at once, so the handler starts forwarding events before the first batch. */
    Subscriber subscribe(final Channel channel, final long huntId, final boolean allHunts)
    {
        final Subscriber subscriber = new Subscriber(channel, huntId, allHunts);
        count.incrementAndGet();
        arrivals.add(subscriber);
        channel.closeFuture().addListener(f -> departures.add(subscriber));
        return subscriber;
    }

    /** Egress thread, between batches. */
    void sync()
    {
        for (Subscriber s; (s = arrivals.poll()) != null; )
        {
            active.add(s);
        }
        for (Subscriber s; (s = departures.poll()) != null; )
        {
            if (active.remove(s))
            {
                release(s);
                count.decrementAndGet();
            }
            else if (arrivals.remove(s))
            {
                count.decrementAndGet();
            }
        }
    }

    /** Egress thread: formats the event once per interested subscriber, into its batch buffer. */
    void publish(final EgressSlot event)
    {
        for (int i = 0, n = active.size(); i < n; i++)
        {
            final Subscriber s = active.get(i);
            if (!s.allHunts && s.huntId != event.event.huntId)
            {
                continue;
            }
            if (s.pending == null)
            {
                s.pending = s.channel.alloc().buffer(256);
            }
            write(s.pending, event);
        }
    }

    /**
     * {@code id: <journal index>\nevent: <type>\ndata: <event JSON>\n\n}, all through this thread's
     * generator: the id goes in as a root number value, the framing as raw text around the event.
     */
    private static void write(final ByteBuf out, final EgressSlot event)
    {
        final ByteBufJson sink = ByteBufJson.begin(out);
        final JsonGenerator g = sink.generator();
        try
        {
            g.writeRaw(ID);
            g.writeNumber(event.journalIndex);
            g.writeRaw(EVENT_DATA[event.event.type.ordinal()]);
            EventJsonWriter.write(g, event.event);
            g.writeRaw(END);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            sink.end();
        }
    }

    /** Egress thread, at the end of a batch: one write per subscriber. */
    void flush()
    {
        for (int i = 0, n = active.size(); i < n; i++)
        {
            final Subscriber s = active.get(i);
            final ByteBuf out = s.pending;
            if (out == null)
            {
                continue;
            }
            s.pending = null;
            if (s.channel.isWritable())
            {
                s.channel.writeAndFlush(new DefaultHttpContent(out), s.channel.voidPromise());
            }
            else
            {
                out.release();
                s.channel.close();
            }
        }
    }

    private static void release(final Subscriber s)
    {
        if (s.pending != null)
        {
            s.pending.release();
            s.pending = null;
        }
    }
}
