package io.hytrix.service;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of requests in flight as a table: which entry a request gets, when there is none, and
 * which request a correlation handle still names. Only the slot and generation logic: who answers
 * a request is {@link EgressRoutingTest}'s business.
 */
class PendingRequestsTest
{
    @Test
    void everyEntryIsHandedOutOnceThenTheTableIsFull()
    {
        final PendingRequests table = new PendingRequests(4);
        final Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < 4; i++)
        {
            final PendingRequest request = table.acquire();
            assertThat(request).isNotNull();
            assertThat(indexes.add(request.index)).as("entry %d handed out twice", request.index).isTrue();
            assertThat(table.inFlight()).isEqualTo(i + 1);
        }
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(table.acquire()).as("full: the caller answers 503").isNull();
        assertThat(table.inFlight()).isEqualTo(4);
    }

    @Test
    void aReleasedEntryCanBeAcquiredAgain()
    {
        final PendingRequests table = new PendingRequests(2);
        final PendingRequest a = table.acquire();
        final PendingRequest b = table.acquire();
        assertThat(table.acquire()).isNull();

        table.release(a);
        assertThat(table.inFlight()).isEqualTo(1);
        assertThat(table.acquire()).isSameAs(a);
        assertThat(table.acquire()).isNull();
        table.release(b);
        table.release(a);
        assertThat(table.inFlight()).isZero();
    }

    @Test
    void aCorrelationNamesItsRequestWhileItIsInFlight()
    {
        final PendingRequests table = new PendingRequests(3);
        final PendingRequest a = table.acquire();
        final PendingRequest b = table.acquire();

        assertThat(a.correlation()).isNotEqualTo(b.correlation());
        assertThat(a.correlation()).as("0 is the clock's: no request").isNotZero();
        assertThat(table.lookup(a.correlation())).isSameAs(a);
        assertThat(table.lookup(b.correlation())).isSameAs(b);
    }

    @Test
    void anAnswerForAnOldGenerationOfAReusedEntryDoesNotReachTheNewRequest()
    {
        final PendingRequests table = new PendingRequests(1);
        final PendingRequest first = table.acquire();
        final long stale = first.correlation();
        first.body = Unpooled.buffer(8);
        table.release(first); // e.g. refused at the gate, or answered; its commands may still be in the ring

        assertThat(table.lookup(stale)).as("released: nobody to answer").isNull();
        assertThat(first.body).as("release forgets the answer being built").isNull();

        final PendingRequest second = table.acquire();
        assertThat(second).as("the only entry, reused").isSameAs(first);
        assertThat(second.correlation()).isNotEqualTo(stale);
        assertThat(table.lookup(stale)).as("the old generation must not reach the new request").isNull();
        assertThat(table.lookup(second.correlation())).isSameAs(second);

        final long previous = second.correlation();
        table.release(second);
        final PendingRequest third = table.acquire();
        assertThat(table.lookup(stale)).isNull();
        assertThat(table.lookup(previous)).isNull();
        assertThat(table.lookup(third.correlation())).isSameAs(third);
    }

    @Test
    void theGenerationStillTellsRequestsApartWhenItWrapsAround()
    {
        final PendingRequests table = new PendingRequests(1);
        final PendingRequest request = table.acquire();
        request.generation = Integer.MAX_VALUE;
        final long beforeWrap = request.correlation();
        assertThat(table.lookup(beforeWrap)).isSameAs(request);

        table.release(request);
        table.acquire();
        assertThat(request.generation).isEqualTo(Integer.MIN_VALUE);
        assertThat(table.lookup(request.correlation())).as("a negative generation still resolves").isSameAs(request);
        assertThat(table.lookup(beforeWrap)).isNull();

        request.generation = -1;
        final long minusOne = request.correlation();
        table.release(request);
        table.acquire();
        assertThat(request.generation).isZero();
        assertThat(table.lookup(request.correlation())).isSameAs(request);
        assertThat(table.lookup(minusOne)).isNull();
    }

    @Test
    void correlationsThatNameNoEntryFindNothing()
    {
        final PendingRequests table = new PendingRequests(2);
        final PendingRequest a = table.acquire();
        table.acquire();

        assertThat(table.lookup(0)).as("the clock's ticks carry 0").isNull();
        assertThat(table.lookup(3)).as("past the table").isNull();
        assertThat(table.lookup(-1)).isNull();
        assertThat(table.lookup(a.correlation() + 2)).as("same generation, entry out of range").isNull();
        assertThat(table.lookup(((long)(a.generation + 1) << 32) | (a.index + 1L))).as("a future generation").isNull();
    }
}
