package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.journal.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade of a running service: a journal that holds a hunt created under rules 1, then commands a
 * rules-2 build wrote. The old hunt finishes under its old rules (two moves in one tick are both
 * taken), the new one plays under the new (the second move is over budget), and the whole journal
 * replays to the state the live handler had.
 */
class RulesUpgradeTest
{
    @TempDir
    Path dir;

    @Test
    void oldHuntsKeepTheirRulesAfterAnUpgradeAndTheMixedJournalReplaysIdentically()
    {
        final List<ResultCode> live = new ArrayList<>();
        final GameHandler handler = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), outcomes(live));
        final List<CommandEvent> journaled = new ArrayList<>();

        apply(handler, journaled, new CommandEvent().createHunt(1, 1, "plaza", 7, 4, 1000, 10), CommandEvent.RULES_1);
        apply(handler, journaled, new CommandEvent().joinHunt(2, 1, 10), CommandEvent.RULES_1);
        // The upgrade: everything from here is written by this build.
        apply(handler, journaled, new CommandEvent().createHunt(3, 2, "plaza", 7, 4, 1000, 10), CommandEvent.CURRENT_RULES);
        apply(handler, journaled, new CommandEvent().joinHunt(4, 2, 20), CommandEvent.CURRENT_RULES);
        apply(handler, journaled, new CommandEvent().tick(-1), CommandEvent.CURRENT_RULES);

        final long[] next = { 100 };
        final Direction oldWay = firstLegalMove(handler, journaled, live, 10, next);
        final Direction newWay = firstLegalMove(handler, journaled, live, 20, next);
        assertThat(oldWay).as("the rules-1 actor could move").isNotNull();
        assertThat(newWay).as("the rules-2 actor could move").isNotNull();

        // A second step in the same tick: taken under rules 1, over budget under rules 2.
        apply(handler, journaled, new CommandEvent().move(next[0]++, 10, opposite(oldWay)), CommandEvent.CURRENT_RULES);
        assertThat(live.get(live.size() - 1)).isEqualTo(ResultCode.ACCEPTED);
        apply(handler, journaled, new CommandEvent().move(next[0]++, 20, opposite(newWay)), CommandEvent.CURRENT_RULES);
        assertThat(live.get(live.size() - 1)).isEqualTo(ResultCode.MOVE_BUDGET);

        final Path journal = Journals.write(dir.resolve("journal"), journaled);
        final List<ResultCode> replayed = new ArrayList<>();
        final ReplayResult result = new Replayer(new ShippedMaps(), Replayer.pathCache(1), outcomes(replayed)).replay(journal, null);
        assertThat(replayed).as("every outcome, replayed").isEqualTo(live);
        assertThat(result.stateHash()).isEqualTo(handler.stateHash());
    }

    /** Tries the directions in order until the actor makes a move; every try is journaled like any command. */
    private static Direction firstLegalMove(final GameHandler handler, final List<CommandEvent> journaled,
        final List<ResultCode> live, final long actorId, final long[] next)
    {
        for (final Direction dir : Direction.values())
        {
            apply(handler, journaled, new CommandEvent().move(next[0]++, actorId, dir), CommandEvent.CURRENT_RULES);
            if (live.get(live.size() - 1) == ResultCode.ACCEPTED)
            {
                return dir;
            }
        }
        return null;
    }

    private static Direction opposite(final Direction dir)
    {
        return Direction.values()[(dir.ordinal() + Direction.values().length / 2) % Direction.values().length];
    }

    private static void apply(final GameHandler handler, final List<CommandEvent> journaled, final CommandEvent cmd,
        final int rules)
    {
        cmd.rules = rules;
        cmd.journalIndex = journaled.size();
        final CommandEvent copy = new CommandEvent();
        copy.copyCommandFrom(cmd);
        journaled.add(copy);
        handler.apply(cmd);
    }

    private static EngineListener outcomes(final List<ResultCode> into)
    {
        return new EngineListener()
        {
            @Override
            public void onEvent(final CommandEvent cause, final GameEvent event)
            {
            }

            @Override
            public void onOutcome(final CommandEvent cmd)
            {
                into.add(cmd.result);
            }
        };
    }
}
