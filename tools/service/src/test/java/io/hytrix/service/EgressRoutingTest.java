package io.hytrix.service;

import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answer routing on the egress thread, fed slots by hand: an outcome or an answer reaches the
 * request its correlation names and no other, and one meant for an earlier user of a reused entry
 * reaches nobody. Only engine answers to commands and hunt queries are used, so the gate and the
 * snapshot files the egress handler needs for metrics and snapshots are left out.
 */
class EgressRoutingTest
{
    private final PendingRequests pending = new PendingRequests(2);
    private final SseHub sse = new SseHub();
    private final EgressHandler egress = new EgressHandler(pending, new GatewayMetrics(), sse, null, null);
    private long sequence;

    @Test
    void eachRequestIsAnsweredWhenItsLastOutcomeArrivesAndOnlyOnItsConnection()
    {
        final TestOwner a = new TestOwner();
        final TestOwner b = new TestOwner();
        final PendingRequest batch = waiting(a, PendingRequest.Kind.COMMANDS, 2, true);
        final PendingRequest single = waiting(b, PendingRequest.Kind.COMMANDS, 1, false);

        deliver(outcome(batch.correlation(), 11));
        assertThat(a.answers()).as("one of two outcomes: not yet").isEmpty();
        deliver(outcome(batch.correlation(), 12));
        deliver(outcome(single.correlation(), 21));

        assertThat(a.answers()).singleElement().asString().startsWith("200 [{\"cmdId\":11,").contains("{\"cmdId\":12,")
            .doesNotContain("\"cmdId\":21").endsWith("]");
        assertThat(b.answers()).singleElement().asString().startsWith("200 {\"cmdId\":21,").doesNotContain("\"cmdId\":1");
        assertThat(pending.inFlight()).as("answered requests free their entries").isZero();
    }

    @Test
    void anOutcomeForAnEarlierUserOfAReusedEntryReachesNobody()
    {
        final TestOwner earlier = new TestOwner();
        final TestOwner later = new TestOwner();
        final PendingRequest first = waiting(earlier, PendingRequest.Kind.COMMANDS, 1, false);
        final long stale = first.correlation();
        pending.release(first); // say the gate refused it after one of its commands was already in the ring
        final PendingRequest reused = waiting(later, PendingRequest.Kind.COMMANDS, 1, false);
        assertThat(reused).isSameAs(first);

        deliver(event(stale));
        deliver(outcome(stale, 1));
        assertThat(later.answers()).as("the stale outcome must not count towards the new request").isEmpty();
        assertThat(reused.answered).isZero();
        assertThat(reused.body).isNull();

        deliver(outcome(reused.correlation(), 2));
        assertThat(later.answers()).singleElement().asString().startsWith("200 {\"cmdId\":2,")
            .doesNotContain("\"cmdId\":1").contains("\"events\":[]");
        assertThat(earlier.answers()).isEmpty();
    }

    @Test
    void aQueryAnswerForAnEarlierUserOfAReusedEntryReachesNobody()
    {
        final TestOwner earlier = new TestOwner();
        final TestOwner later = new TestOwner();
        final PendingRequest first = waiting(earlier, PendingRequest.Kind.HUNT, 1, false);
        final long stale = first.correlation();
        pending.release(first);
        final PendingRequest reused = waiting(later, PendingRequest.Kind.HUNT, 1, false);

        deliver(huntAnswer(stale, 7));
        assertThat(later.answers()).isEmpty();
        assertThat(pending.lookup(reused.correlation())).as("still waiting").isSameAs(reused);

        deliver(huntAnswer(reused.correlation(), 8));
        assertThat(later.answers()).singleElement().asString().startsWith("200 {\"huntId\":8,");
        assertThat(earlier.answers()).isEmpty();
        assertThat(pending.inFlight()).isZero();
    }

    @Test
    void theClocksTicksAnswerNoRequest()
    {
        final TestOwner owner = new TestOwner();
        final PendingRequest request = waiting(owner, PendingRequest.Kind.COMMANDS, 1, false);

        final EgressSlot tick = outcome(0, 99);
        tick.type = CommandType.TICK;
        deliver(tick);

        assertThat(owner.answers()).isEmpty();
        assertThat(request.answered).isZero();
    }

    private PendingRequest waiting(final TestOwner owner, final PendingRequest.Kind kind, final int expected, final boolean array)
    {
        final PendingRequest request = pending.acquire();
        owner.owns(request);
        request.kind = kind;
        request.expected = expected;
        request.array = array;
        request.answered = 0;
        return request;
    }

    private void deliver(final EgressSlot slot)
    {
        egress.onBatchStart(1, 0);
        egress.onEvent(slot, sequence++, true);
    }

    private static EgressSlot outcome(final long correlation, final long cmdId)
    {
        final EgressSlot slot = new EgressSlot();
        slot.kind = EgressSlot.OUTCOME;
        slot.correlation = correlation;
        slot.cmdId = cmdId;
        slot.journalIndex = cmdId;
        slot.type = CommandType.JOIN_HUNT;
        slot.result = ResultCode.ACCEPTED;
        return slot;
    }

    private static EgressSlot event(final long correlation)
    {
        final EgressSlot slot = new EgressSlot();
        slot.kind = EgressSlot.EVENT;
        slot.correlation = correlation;
        slot.event.type = EventType.ACTOR_JOINED;
        slot.event.huntId = 1;
        slot.event.actorId = 7;
        return slot;
    }

    private static EgressSlot huntAnswer(final long correlation, final long huntId)
    {
        final EgressSlot slot = new EgressSlot();
        slot.kind = EgressSlot.ANSWER;
        slot.correlation = correlation;
        slot.query = Query.HUNT;
        slot.found = true;
        slot.huntId = huntId;
        slot.mapName = "plaza";
        return slot;
    }
}
