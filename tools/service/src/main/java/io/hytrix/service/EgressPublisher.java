package io.hytrix.service;

import com.lmax.disruptor.RingBuffer;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandJournal;
import io.hytrix.engine.command.Query;
import io.hytrix.engine.game.Actor;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.Hunt;
import io.hytrix.engine.game.Rules;
import io.hytrix.engine.game.StateView;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.PathCache;

import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * The handler thread's side of the HTTP front door: copies each outcome, each wanted event and each query
 * answer into a pre-allocated slot of the egress ring and publishes it. Nothing is allocated, no
 * lock is taken; if the egress ring is full the handler waits for the egress thread, which is the
 * back-pressure we want (the command ring then fills and the front door answers 503).
 */
final class EgressPublisher implements EngineListener
{
    private final RingBuffer<EgressSlot> egress;
    /** Whether an event stream is open: events nobody asked for are not worth a slot. */
    private final BooleanSupplier eventsWanted;
    private final PathCache paths;
    private final CommandJournal journal;
    private final NodeSnapshots snapshots;
    /** Test hook: the handler parks on this after applying a command, before its outcome is sent, so a test can fill the ring. */
    private volatile CountDownLatch stall;

    EgressPublisher(final RingBuffer<EgressSlot> egress, final BooleanSupplier eventsWanted, final PathCache paths,
        final CommandJournal journal, final NodeSnapshots snapshots)
    {
        this.egress = egress;
        this.eventsWanted = eventsWanted;
        this.paths = paths;
        this.journal = journal;
        this.snapshots = snapshots;
    }

    void stallUntil(final CountDownLatch latch)
    {
        stall = latch;
    }

    @Override
    public void onEvent(final CommandEvent cause, final GameEvent event)
    {
        // A tick's moves with no stream open reach nobody.
        if (cause.correlation == 0 && !eventsWanted.getAsBoolean())
        {
            return;
        }
        final long seq = egress.next();
        final EgressSlot slot = egress.get(seq);
        slot.kind = EgressSlot.EVENT;
        slot.correlation = cause.correlation;
        slot.cmdId = cause.cmdId;
        slot.journalIndex = cause.journalIndex;
        slot.event.copyFrom(event);
        egress.publish(seq);
    }

    @Override
    public void onOutcome(final CommandEvent cmd)
    {
        final CountDownLatch latch = stall;
        if (latch != null)
        {
            // Before the outcome leaves: the command's request stays in flight while the handler is held.
            awaitQuietly(latch);
        }
        final long seq = egress.next();
        final EgressSlot slot = egress.get(seq);
        slot.kind = EgressSlot.OUTCOME;
        slot.correlation = cmd.correlation;
        slot.cmdId = cmd.cmdId;
        slot.journalIndex = cmd.journalIndex;
        slot.intendedNanos = cmd.intendedNanos;
        slot.type = cmd.type;
        slot.result = cmd.result;
        slot.duplicate = cmd.duplicate;
        slot.detail = cmd.detail;
        egress.publish(seq);
    }

    @Override
    public void onQuery(final CommandEvent query, final StateView view)
    {
        if (query.query == Query.SNAPSHOT)
        {
            snapshot(query, view);
            return;
        }
        final long seq = egress.next();
        final EgressSlot slot = egress.get(seq);
        slot.kind = EgressSlot.ANSWER;
        slot.correlation = query.correlation;
        slot.query = query.query;
        slot.found = true;
        if (query.query == Query.HUNT)
        {
            copyHunt(view.hunt(query.huntId), slot);
        }
        else if (query.query == Query.ACTOR)
        {
            copyActor(view, view.actor(query.actorId), slot);
        }
        else
        {
            slot.journalIndex = view.lastJournalIndex();
            slot.commands = view.commands();
            slot.stateHash = view.stateHash();
            slot.runningHunts = view.runningHunts();
            slot.runningActors = view.actors();
            // Read here, on the handler thread, where they are written (path cache) or made visible
            // by the journaller's sequence (journal bytes): no other thread touches them.
            slot.pathHits = paths.hits();
            slot.pathMisses = paths.misses();
            slot.pathEvictions = paths.evictions();
            slot.journalBytes = journal.bytesAppended();
        }
        egress.publish(seq);
    }

    /** Answers a snapshot request with what {@link NodeSnapshots}, called before this listener, just took. */
    private void snapshot(final CommandEvent query, final StateView view)
    {
        final long bytes = snapshots.takenBytes();
        if (query.correlation == 0)
        {
            return;
        }
        final long seq = egress.next();
        final EgressSlot slot = egress.get(seq);
        slot.kind = EgressSlot.ANSWER;
        slot.correlation = query.correlation;
        slot.query = Query.SNAPSHOT;
        slot.found = bytes >= 0;
        slot.journalIndex = view.lastJournalIndex();
        slot.snapshotBytes = bytes;
        slot.snapshotStallNanos = snapshots.stallNanos();
        egress.publish(seq);
    }

    private static void copyHunt(final Hunt hunt, final EgressSlot slot)
    {
        if (hunt == null)
        {
            slot.found = false;
            return;
        }
        slot.huntId = hunt.id();
        slot.mapName = hunt.map().name();
        slot.tick = hunt.tick();
        slot.durationTicks = hunt.durationTicks();
        slot.actors = hunt.actorCount();
        slot.treasures = hunt.treasureCount();
        slot.treasuresLeft = hunt.treasuresLeft();
    }

    private static void copyActor(final StateView view, final Actor actor, final EgressSlot slot)
    {
        if (actor == null)
        {
            slot.found = false;
            return;
        }
        final Hunt hunt = view.huntOf(actor);
        final GridMap map = hunt.map();
        slot.actorId = actor.id();
        slot.huntId = hunt.id();
        slot.mapName = map.name();
        slot.tick = hunt.tick();
        slot.x = map.x(actor.tile());
        slot.y = map.y(actor.tile());
        slot.score = actor.score();
        slot.travelling = actor.travelling();
        slot.targetX = actor.travelling() ? map.x(actor.pathTo()) : 0;
        slot.targetY = actor.travelling() ? map.y(actor.pathTo()) : 0;
        long items = 0;
        long quantities = 0;
        for (int i = 0; i < Rules.INVENTORY_SLOTS; i++)
        {
            final long id = actor.item(i) == null ? 0 : actor.item(i).id();
            items |= (id & 0xFF) << (8 * i);
            quantities |= ((long)Math.min(actor.quantity(i), 255) & 0xFF) << (8 * i);
        }
        long effects = 0;
        for (int i = 0; i < Rules.EFFECT_SLOTS; i++)
        {
            final long id = actor.effect(i) == null ? 0 : actor.effect(i).id();
            effects |= (id & 0xFF) << (8 * i);
            slot.effectExpiresAt[i] = actor.effectExpiresAt(i);
        }
        slot.inventoryItems = items;
        slot.inventoryQuantities = quantities;
        slot.effectTypes = effects;
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
