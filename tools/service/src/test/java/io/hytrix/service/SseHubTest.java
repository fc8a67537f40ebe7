package io.hytrix.service;

import io.hytrix.engine.game.EventType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event streams' hub driven as the egress thread drives it (sync, publish, flush per batch),
 * with each subscriber an {@link EmbeddedChannel} whose writes the test reads back.
 */
class SseHubTest
{
    private final SseHub hub = new SseHub();

    @Test
    void withNoSubscriberNothingIsFormattedOrWritten()
    {
        assertThat(hub.hasSubscribers()).isFalse();
        assertThat(hub.subscribers()).isZero();
        hub.sync();
        hub.publish(moved(1, 10));
        hub.flush();
        assertThat(hub.hasSubscribers()).isFalse();
    }

    @Test
    void aSubscriberCountsAtOnceButReceivesOnlyFromTheNextBatch()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        hub.subscribe(channel, 0, true);
        assertThat(hub.hasSubscribers()).as("the handler starts copying events before the egress thread syncs").isTrue();

        hub.publish(moved(1, 10)); // a batch already under way when it arrived
        hub.flush();
        assertThat(written(channel)).isEmpty();

        batch(moved(1, 11));
        assertThat(written(channel)).containsExactly(
            "id: 11\nevent: actorMoved\ndata: {\"type\":\"actorMoved\",\"huntId\":1,\"actorId\":7,\"x\":3,\"y\":4,\"tick\":5}\n\n");
    }

    @Test
    void aBatchIsOneWritePerSubscriberInOrder()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        hub.subscribe(channel, 0, true);
        batch(moved(1, 1), moved(2, 2), moved(1, 3));

        final List<String> writes = written(channel);
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).startsWith("id: 1\n").contains("\n\nid: 2\n").endsWith("\"tick\":5}\n\n");
        assertThat(writes.get(0).indexOf("id: 2")).isLessThan(writes.get(0).indexOf("id: 3"));
    }

    @Test
    void everySubscriberGetsTheEventsOfItsHuntOrOfAll()
    {
        final EmbeddedChannel all = new EmbeddedChannel();
        final EmbeddedChannel one = new EmbeddedChannel();
        final EmbeddedChannel two = new EmbeddedChannel();
        hub.subscribe(all, 0, true);
        hub.subscribe(one, 1, false);
        hub.subscribe(two, 2, false);
        assertThat(hub.subscribers()).isEqualTo(3);

        batch(moved(1, 1), moved(1, 2), moved(3, 3));

        assertThat(ids(all)).containsExactly(1L, 2L, 3L);
        assertThat(ids(one)).containsExactly(1L, 2L);
        assertThat(ids(two)).as("no event of its hunt: no write at all").isEmpty();
    }

    @Test
    void aSubscriberThatLeftIsDroppedAtTheNextSync()
    {
        final EmbeddedChannel staying = new EmbeddedChannel();
        final EmbeddedChannel leaving = new EmbeddedChannel();
        hub.subscribe(staying, 0, true);
        hub.subscribe(leaving, 0, true);
        batch(moved(1, 1));
        assertThat(ids(leaving)).containsExactly(1L);

        leaving.close();
        batch(moved(1, 2));

        assertThat(hub.subscribers()).isEqualTo(1);
        assertThat(ids(staying)).containsExactly(1L, 2L);
        assertThat(ids(leaving)).isEmpty();
        leaving.close();
        hub.sync();
        assertThat(hub.subscribers()).as("a departure counts once").isEqualTo(1);
    }

    @Test
    void aSubscriberThatLeavesBeforeItsFirstSyncIsNeverCountedTwice()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        hub.subscribe(channel, 0, true);
        channel.close();
        assertThat(hub.subscribers()).isEqualTo(1);

        hub.sync();
        assertThat(hub.subscribers()).isZero();
        assertThat(hub.hasSubscribers()).isFalse();
    }

    @Test
    void aBatchBuiltForASubscriberThatLeftIsReleasedNotWritten()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final SseHub.Subscriber subscriber = hub.subscribe(channel, 0, true);
        hub.sync();
        hub.publish(moved(1, 1));
        final ByteBuf built = subscriber.pending;
        assertThat(built).isNotNull();

        channel.close();
        hub.sync();

        assertThat(built.refCnt()).isZero();
        assertThat(subscriber.pending).isNull();
        hub.flush();
        assertThat(written(channel)).isEmpty();
    }

    @Test
    void aSubscriberThatCannotKeepUpIsCutOffAndItsBatchReleased()
    {
        final EmbeddedChannel slow = new EmbeddedChannel();
        final EmbeddedChannel fast = new EmbeddedChannel();
        final SseHub.Subscriber subscriber = hub.subscribe(slow, 0, true);
        hub.subscribe(fast, 0, true);
        hub.sync();
        // As if its socket's outbound buffer were past the high-water mark.
        slow.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertThat(slow.isWritable()).isFalse();

        hub.publish(moved(1, 1));
        final ByteBuf built = subscriber.pending;
        hub.flush();

        assertThat(slow.isOpen()).as("disconnected rather than buffered without bound").isFalse();
        assertThat(built.refCnt()).isZero();
        assertThat(written(slow)).isEmpty();
        assertThat(ids(fast)).containsExactly(1L);

        batch(moved(1, 2));
        assertThat(hub.subscribers()).isEqualTo(1);
        assertThat(ids(fast)).containsExactly(2L);
    }

    /** One egress batch: arrivals and departures first, then the events, then one write each. */
    private void batch(final EgressSlot... events)
    {
        hub.sync();
        for (final EgressSlot event : events)
        {
            hub.publish(event);
        }
        hub.flush();
    }

    private static EgressSlot moved(final long huntId, final long journalIndex)
    {
        final EgressSlot slot = new EgressSlot();
        slot.kind = EgressSlot.EVENT;
        slot.event.type = EventType.ACTOR_MOVED;
        slot.journalIndex = journalIndex;
        slot.event.huntId = huntId;
        slot.event.actorId = 7;
        slot.event.x = 3;
        slot.event.y = 4;
        slot.event.tick = 5;
        return slot;
    }

    /** What was written to the channel since the last look, one string per write. */
    private static List<String> written(final EmbeddedChannel channel)
    {
        final List<String> writes = new ArrayList<>();
        for (HttpContent c; (c = channel.readOutbound()) != null; )
        {
            writes.add(c.content().toString(StandardCharsets.UTF_8));
            c.release();
        }
        return writes;
    }

    /** The journal indexes of the events written since the last look, from their {@code id:} lines. */
    private static List<Long> ids(final EmbeddedChannel channel)
    {
        final List<Long> ids = new ArrayList<>();
        for (final String write : written(channel))
        {
            for (final String line : write.split("\n"))
            {
                if (line.startsWith("id: "))
                {
                    ids.add(Long.parseLong(line.substring(4)));
                }
            }
        }
        return ids;
    }
}
