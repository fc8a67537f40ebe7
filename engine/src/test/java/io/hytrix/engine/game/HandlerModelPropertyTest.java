package io.hytrix.engine.game;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandField;
import io.hytrix.engine.command.CommandText;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's two promises, checked on random command sequences rather than on one scripted run:
 * a journal replays to what happened live (same events, outcomes and state hash), and a snapshot
 * taken anywhere, restored, plus the rest of the journal, equals replaying all of it.
 *
 * <p>Sequences of up to 80 commands of every type on GameFixture's two small maps (one with walls,
 * one of two islands no path joins) and one unknown map; fields are mostly in play (ids that exist,
 * tiles on the map) and often not (unknown hunts and actors, out-of-bounds and blocked tiles, slots
 * past the inventory, zero or huge counts), and some cmdIds repeat an earlier one, so duplicates and
 * every rejection code occur. Live, commands pass through one reused slot holding whatever earlier
 * commands left in fields their type does not use, as a ring slot does; replay gets fresh commands
 * carrying only the journaled fields, and a one-entry path cache, so every path is recomputed.
 * 500 tries each, some 10 ms a try (mostly building the handlers' pools, sized for 1,024 hunts and
 * 65,536 actors); fixed seeds, printed by jqwik on a failure.
 */
class HandlerModelPropertyTest
{
    private static final MapCatalog CATALOG = GameFixture.catalog(Map.of("field", GameFixture.FIELD, "islands",
        GameFixture.ISLANDS));
    /** Far more than a sequence's 80 cmdIds, and cheaper to build a thousand times than the default 65,536. */
    private static final int WINDOW = 256;

    /**
     * One command to apply. {@code huntId}, {@code actorId}, {@code c}, {@code d}, {@code e} are the
     * type's fields in table order where it has them; {@code repeat} reuses the cmdId of the command
     * {@code repeat} places back, when there is one.
     */
    record Step(CommandType type, long huntId, long actorId, int c, int d, int e, long seed, String map, int repeat)
    {
    }

    @Property(tries = 500, seed = "20260107")
    void aJournalReplaysToWhatHappenedLive(@ForAll("sequences") final List<Step> steps)
    {
        final List<CommandEvent> journal = new ArrayList<>();
        final Run live = live(steps, journal);
        final Run replayed = new Run(new PathCache(1, 1 << 12, new AStarPathfinder()));
        for (final CommandEvent cmd : journal)
        {
            replayed.apply(cmd);
        }
        assertThat(replayed.outputs).isEqualTo(live.outputs);
        assertThat(replayed.handler.stateHash()).isEqualTo(live.handler.stateHash());
        assertThat(replayed.handler.events()).isEqualTo(live.handler.events());
        assertThat(replayed.handler.rejections()).isEqualTo(live.handler.rejections());
        Statistics.label("accepted").collect(bucket(live.accepted));
    }

    @Property(tries = 500, seed = "20260108")
    void aSnapshotAnywherePlusTheTailEqualsTheWholeReplay(@ForAll("sequences") final List<Step> steps,
        @ForAll @IntRange(min = 0, max = 1000) final int cutAt) throws IOException
    {
        final int cut = cutAt % (steps.size() + 1);
        final byte[][] snapshot = new byte[1][];
        final List<CommandEvent> journal = new ArrayList<>();
        // Taken live, between two commands, as the node's snapshot query is answered on the handler thread.
        final Run whole = live(steps, journal, cut, handler -> snapshot[0] = StateSnapshot.capture(handler));

        final Run tail = new Run(new PathCache(1, 1 << 12, new AStarPathfinder()));
        StateSnapshot.restore(tail.handler, snapshot[0]);
        for (final CommandEvent cmd : journal.subList(cut, journal.size()))
        {
            tail.apply(cmd);
        }
        assertThat(tail.outputs).isEqualTo(whole.outputs.subList(whole.outputIndex[cut], whole.outputs.size()));
        assertThat(tail.handler.stateHash()).isEqualTo(whole.handler.stateHash());
        assertThat(StateSnapshot.capture(tail.handler)).isEqualTo(StateSnapshot.capture(whole.handler));
    }

    /** Applies the steps through one reused slot, as live; {@code journal} gets each command's journaled fields. */
    private static Run live(final List<Step> steps, final List<CommandEvent> journal)
    {
        return live(steps, journal, -1, handler -> { });
    }

    /** As above, and hands {@code before} the handler just before step {@code at} (or after the last one). */
    private static Run live(final List<Step> steps, final List<CommandEvent> journal, final int at,
        final java.util.function.Consumer<GameHandler> before)
    {
        final Run live = new Run(new PathCache(256, 1 << 16, new AStarPathfinder()));
        final CommandEvent slot = new CommandEvent();
        final List<Long> cmdIds = new ArrayList<>();
        for (final Step step : steps)
        {
            if (journal.size() == at)
            {
                before.accept(live.handler);
            }
            final long cmdId = step.repeat() > 0 && step.repeat() <= cmdIds.size()
                ? cmdIds.get(cmdIds.size() - step.repeat()) : 1000L + cmdIds.size();
            cmdIds.add(cmdId);
            fill(slot, step, cmdId);
            slot.journalIndex = journal.size();
            journal.add(journaled(slot));
            live.apply(slot);
        }
        if (journal.size() == at)
        {
            before.accept(live.handler);
        }
        return live;
    }

    private static void fill(final CommandEvent into, final Step s, final long cmdId)
    {
        switch (s.type())
        {
            case CREATE_HUNT: into.createHunt(cmdId, s.huntId(), s.map(), s.seed(), s.c(), s.d(), s.e()); break;
            case JOIN_HUNT: into.joinHunt(cmdId, s.huntId(), s.actorId()); break;
            case TRAVEL: into.travel(cmdId, s.actorId(), s.c(), s.d()); break;
            case MOVE: into.move(cmdId, s.actorId(), Direction.fromId(s.c())); break;
            case DIG: into.dig(cmdId, s.actorId()); break;
            case USE_ITEM: into.useItem(cmdId, s.actorId(), s.c()); break;
            case LEAVE_HUNT: into.leaveHunt(cmdId, s.actorId()); break;
            case END_HUNT: into.endHunt(cmdId, s.huntId()); break;
            case TICK: into.tick(cmdId); break;
            default: throw new IllegalStateException("no step for " + s.type());
        }
    }

    /** What the journal keeps of a command: its type, cmdId and the type's fields, nothing else. */
    private static CommandEvent journaled(final CommandEvent live)
    {
        final CommandEvent cmd = new CommandEvent();
        cmd.type = live.type;
        cmd.cmdId = live.cmdId;
        cmd.journalIndex = live.journalIndex;
        for (int i = 0; i < live.type.fieldCount(); i++)
        {
            final CommandField field = live.type.field(i);
            if (field.isNumeric())
            {
                field.set(cmd, field.get(live));
            }
            else
            {
                cmd.mapName(live.mapNameString());
            }
        }
        return cmd;
    }

    @Provide
    Arbitrary<List<Step>> sequences()
    {
        final Arbitrary<Long> huntIds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 3)),
            Tuple.of(1, Arbitraries.of(0L, 99L, Long.MIN_VALUE, Long.MAX_VALUE)));
        final Arbitrary<Long> actorIds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 6)),
            Tuple.of(1, Arbitraries.of(0L, 99L, Long.MIN_VALUE, Long.MAX_VALUE)));
        final Arbitrary<Integer> coordinates = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 7)),
            Tuple.of(1, Arbitraries.of(-1, 8, 100, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        final Arbitrary<Integer> small = Arbitraries.integers().between(0, 9);
        final Arbitrary<Integer> counts = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 6)),
            Tuple.of(1, Arbitraries.of(0, 256, 257, 4096, 4097, 100_000_001, Integer.MAX_VALUE)));
        final Arbitrary<Integer> durations = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 40)),
            Tuple.of(1, Arbitraries.of(0, 100_000_000, 100_000_001, Integer.MAX_VALUE)));
        final Arbitrary<String> maps = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("field")),
            Tuple.of(3, Arbitraries.just("islands")), Tuple.of(1, Arbitraries.just("nowhere")));
        final Arbitrary<Integer> repeats = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(0)),
            Tuple.of(1, Arbitraries.integers().between(1, 5)));
        final Arbitrary<CommandType> types = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(CommandType.CREATE_HUNT)),
            Tuple.of(3, Arbitraries.just(CommandType.JOIN_HUNT)), Tuple.of(3, Arbitraries.just(CommandType.TRAVEL)),
            Tuple.of(2, Arbitraries.just(CommandType.MOVE)), Tuple.of(3, Arbitraries.just(CommandType.DIG)),
            Tuple.of(2, Arbitraries.just(CommandType.USE_ITEM)), Tuple.of(1, Arbitraries.just(CommandType.LEAVE_HUNT)),
            Tuple.of(1, Arbitraries.just(CommandType.END_HUNT)), Tuple.of(6, Arbitraries.just(CommandType.TICK)));
        final Arbitrary<Step> step = Combinators.combine(types, huntIds, actorIds, Combinators.combine(coordinates, small,
            counts).as(List::of), Combinators.combine(coordinates, durations, counts).as(List::of), Arbitraries.longs(), maps,
            repeats).as((type, hunt, actor, first, second, seed, map, repeat) -> step(type, hunt, actor, first, second, seed,
                map, repeat));
        // Every sequence opens with a hunt on each map and three actors in them, so most of what follows
        // is in play rather than UNKNOWN_HUNT; shrinking still removes the opening when it is not needed.
        final List<Step> opening = List.of(
            new Step(CommandType.CREATE_HUNT, 1, 0, 5, 30, 4, 7, "field", 0),
            new Step(CommandType.CREATE_HUNT, 2, 0, 3, 20, 2, 8, "islands", 0),
            new Step(CommandType.JOIN_HUNT, 1, 1, 0, 0, 0, 0, "", 0),
            new Step(CommandType.JOIN_HUNT, 1, 2, 0, 0, 0, 0, "", 0),
            new Step(CommandType.JOIN_HUNT, 2, 3, 0, 0, 0, 0, "", 0));
        return Arbitraries.of(true, false).flatMap(open -> step.list().ofMaxSize(open ? 75 : 80).map(list ->
        {
            final List<Step> steps = new ArrayList<>(open ? opening : List.of());
            steps.addAll(list);
            return steps;
        }));
    }

    /** Picks each field's generator by what the type means by c, d and e. */
    private static Step step(final CommandType type, final long hunt, final long actor, final List<Integer> first,
        final List<Integer> second, final long seed, final String map, final int repeat)
    {
        switch (type)
        {
            case CREATE_HUNT: return new Step(type, hunt, 0, first.get(2), second.get(1), second.get(2), seed, map, repeat);
            case TRAVEL: return new Step(type, 0, actor, first.get(0), second.get(0), 0, 0, "", repeat);
            case MOVE: return new Step(type, 0, actor, first.get(1) % 8, 0, 0, 0, "", repeat);
            case USE_ITEM: return new Step(type, 0, actor, first.get(1) == 9 ? 255 : first.get(1), 0, 0, 0, "", repeat);
            default: return new Step(type, hunt, actor, 0, 0, 0, 0, "", repeat);
        }
    }

    private static String bucket(final int accepted)
    {
        return accepted == 0 ? "0" : accepted < 10 ? "1-9" : accepted < 30 ? "10-29" : "30+";
    }

    /** A handler and everything it reported, as text, in order. */
    private static final class Run implements EngineListener
    {
        final GameHandler handler;
        final List<String> outputs = new ArrayList<>();
        /** Where each command's outputs start in {@link #outputs}, by journal position; one past the end last. */
        final int[] outputIndex = new int[82];
        int applied;
        int accepted;

        Run(final PathCache paths)
        {
            handler = new GameHandler(CATALOG, paths, this, WINDOW);
        }

        void apply(final CommandEvent cmd)
        {
            outputIndex[applied++] = outputs.size();
            handler.apply(cmd);
            outputIndex[applied] = outputs.size();
        }

        @Override
        public void onEvent(final CommandEvent cause, final GameEvent event)
        {
            outputs.add(event.toString());
        }

        @Override
        public void onOutcome(final CommandEvent cmd)
        {
            if (cmd.result == io.hytrix.engine.command.ResultCode.ACCEPTED && !cmd.duplicate)
            {
                accepted++;
            }
            outputs.add(CommandText.describe(cmd) + " -> " + cmd.result + (cmd.duplicate ? " (duplicate)" : "")
                + " events=" + cmd.eventCount + " tick=" + cmd.tick);
        }
    }
}
