package io.hytrix.bench.players;

import io.hytrix.bench.workload.OutcomeRecorder;
import io.hytrix.bench.workload.WorkloadRun;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.FanOut;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.replay.ShippedMaps;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The players against a real handler, driven as the demo drives them (a tick, then the window's
 * commands, outcomes fed back before the next tick) but synchronously, so runs take no wall time.
 */
class PlayersTest
{
    private static final ShippedMaps CATALOG = new ShippedMaps();

    /** What a run sent (a digest of every command's text) and how the hunts went. */
    private record Run(long digest, OutcomeRecorder outcomes, long commands)
    {
    }

    private static Run run(final long seed, final int players, final int ticks)
    {
        final GridMap[] maps = new GridMap[WorkloadRun.MAPS.length];
        for (int i = 0; i < maps.length; i++)
        {
            maps[i] = CATALOG.require(WorkloadRun.MAPS[i]);
        }
        final Players p = new Players(seed, players, 100, 4, 90, 0, maps);
        final PlayerFeedback feedback = new PlayerFeedback();
        final OutcomeRecorder recorder = new OutcomeRecorder();
        final GameHandler handler = new GameHandler(CATALOG, PathCache.ofBudget(PathCache.DEFAULT_BUDGET_BYTES, new AStarPathfinder()), new FanOut(List.of(recorder, feedback)));
        final CommandEvent cmd = new CommandEvent();
        final int perWindow = players * 4 / 10;
        long digest = 0;
        long commands = 0;
        for (int t = 1; t <= ticks; t++)
        {
            cmd.tick((1L << 62) + t);
            cmd.intendedNanos = System.nanoTime();
            handler.apply(cmd);
            feedback.drainTo(p);
            p.tick(t);
            for (int slot = 0; slot < perWindow && p.next(cmd); slot++)
            {
                digest = digest * 31 + cmd.toString().hashCode();
                cmd.intendedNanos = System.nanoTime();
                handler.apply(cmd);
                commands++;
            }
        }
        return new Run(digest, recorder, commands);
    }

    @Test
    void theSameSeedSendsTheSameCommands()
    {
        final Run a = run(7, 300, 120);
        final Run b = run(7, 300, 120);
        final Run other = run(8, 300, 120);
        assertThat(a.commands()).isPositive();
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(b.commands()).isEqualTo(a.commands());
        assertThat(other.digest()).isNotEqualTo(a.digest());
    }

    @Test
    void playersWinHuntsAndMostCommandsAreAccepted()
    {
        final Run r = run(1, 1000, 300);
        final OutcomeRecorder o = r.outcomes();
        assertThat(o.huntsCompleted(CompletionReason.TREASURES)).as("hunts won").isPositive();
        assertThat(o.huntsCompleted(CompletionReason.TIME)).as("hunts timed out").isPositive();
        assertThat(o.bestScore()).isPositive();
        assertThat(o.treasuresFound()).isPositive();
        final long all = r.commands() + 300;
        assertThat(100.0 * o.rejected() / all).as("rejected %%: " + o.rejectionSummary()).isLessThan(30.0);
        assertThat(o.count(ResultCode.EMPTY_SLOT)).isZero();
    }

    /** By construction: nothing the players are given or can be given is engine state. */
    @Test
    void playersHearOnlyOutcomesAndEvents()
    {
        final List<String> engineState = List.of("GameHandler", "GameState", "StateView", "Actor", "Hunt", "StateSnapshot",
            "GameEvent", "PathCache");
        for (final Constructor<?> c : Players.class.getConstructors())
        {
            for (final Class<?> type : c.getParameterTypes())
            {
                assertThat(engineState).doesNotContain(type.getComponentType() == null ? type.getSimpleName()
                    : type.getComponentType().getSimpleName());
            }
        }
        for (final Method m : Players.class.getDeclaredMethods())
        {
            if (Modifier.isPublic(m.getModifiers()))
            {
                for (final Class<?> type : m.getParameterTypes())
                {
                    assertThat(engineState).as(m.getName()).doesNotContain(type.getSimpleName());
                }
            }
        }
    }
}
