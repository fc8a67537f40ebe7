package io.hytrix.engine.game;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.map.TestMaps;
import io.hytrix.engine.path.AStarPathfinder;
import io.hytrix.engine.path.PathCache;
import io.hytrix.engine.util.Hash64;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Same commands, same events and state hash: across runs and across path-cache sizes. */
class DeterminismTest
{
    static final long SEED = 20261127L;

    @Test
    void theSameCommandsGiveTheSameEventsAndHash()
    {
        final Run a = run(SEED, new PathCache(4096, 1 << 20, new AStarPathfinder()));
        final Run b = run(SEED, new PathCache(4096, 1 << 20, new AStarPathfinder()));
        assertThat(a.events).isGreaterThan(10_000);
        assertThat(b.stateHash).isEqualTo(a.stateHash);
        assertThat(b.eventDigest).isEqualTo(a.eventDigest);
        assertThat(run(SEED + 1, new PathCache(4096, 1 << 20, new AStarPathfinder())).stateHash)
            .isNotEqualTo(a.stateHash);
    }

    @Test
    void outputsDoNotDependOnThePathCacheSize()
    {
        final PathCache big = new PathCache(65_536, 1 << 22, new AStarPathfinder());
        final PathCache one = new PathCache(1, 1 << 16, new AStarPathfinder());
        final Run a = run(SEED, big);
        final Run b = run(SEED, one);
        assertThat(b.eventDigest).isEqualTo(a.eventDigest);
        assertThat(b.stateHash).isEqualTo(a.stateHash);
        assertThat(one.evictions()).isGreaterThan(0);
        assertThat(big.hits()).isGreaterThan(one.hits());
    }

    static Map<String, GridMap> realMaps()
    {
        final Map<String, GridMap> maps = new LinkedHashMap<>();
        for (final String name : new String[] { "arena", "den312d", "plaza" })
        {
            maps.put(name, GameFixture.parse(name, TestMaps.text(name + ".map")));
        }
        return maps;
    }

    static MatchmakerScript script(final long seed, final Map<String, GridMap> maps)
    {
        return new MatchmakerScript(seed, 300, 100, 40, 120, maps.values().toArray(new GridMap[0]));
    }

    private static Run run(final long seed, final PathCache cache)
    {
        final Map<String, GridMap> maps = realMaps();
        final MapCatalog catalog = (name, length) -> maps.get(new String(name, 0, length));
        final Run run = new Run();
        final GameHandler handler = new GameHandler(catalog, cache, run);
        final MatchmakerScript script = script(seed, maps);
        final CommandEvent cmd = new CommandEvent();
        for (int i = 0; i < 30_000; i++)
        {
            script.next(cmd);
            handler.apply(cmd);
        }
        run.stateHash = handler.stateHash();
        run.eventDigest = run.digest.value();
        return run;
    }

    /** Digests every event and outcome field by field, so two runs compare byte for byte. */
    static final class Run implements EngineListener
    {
        final Hash64 digest = new Hash64();
        private final long fromIndex;
        long events;
        long stateHash;
        long eventDigest;

        Run()
        {
            this(Long.MIN_VALUE);
        }

        /** Digests only what commands at or after this journal index produce. */
        Run(final long fromIndex)
        {
            this.fromIndex = fromIndex;
        }

        @Override
        public void onEvent(final CommandEvent cause, final GameEvent e)
        {
            if (cause.journalIndex < fromIndex)
            {
                return;
            }
            events++;
            digest.add(cause.cmdId).add(e.type.id()).add(e.huntId).add(e.actorId).add(e.x).add(e.y).add(e.tick)
                .add(e.item == null ? 0 : e.item.id()).add(e.effect == null ? 0 : e.effect.id())
                .add(e.reason == null ? 0 : e.reason.id()).add(e.value);
        }

        @Override
        public void onOutcome(final CommandEvent cmd)
        {
            if (cmd.journalIndex < fromIndex)
            {
                return;
            }
            digest.add(cmd.cmdId).add(cmd.result.code()).add(cmd.eventCount);
        }
    }
}
