package io.hytrix.service;

import io.hytrix.replay.codec.EventJsonWriter;
import io.netty.buffer.ByteBuf;


/**
 * An event from the egress ring as JSON, into a buffer: the one event writer ({@link EventJsonWriter})
 * through this thread's reused generator, e.g.
 * {@code {"type":"actorMoved","huntId":1,"actorId":7,"x":3,"y":4,"tick":12}}. Allocates nothing.
 */
final class EventJson
{
    private EventJson()
    {
    }

    static void write(final ByteBuf out, final EgressSlot e)
    {
        ByteBufJson.write(out, e.event, EventJsonWriter::write);
    }
}
