package io.hytrix.bench;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * JMH view of row (d): {@code GameHandler.apply} alone, one command of the bench's matchmaker mix per
 * call, no ring and no journal. The handler's state grows as it goes, exactly as in (d), so the
 * figure is of a live game rather than of one command replayed against a fixed state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandlerJmh
{
    /** Commands generated and cycled: the --quick mix. */
    static final int MIX_SIZE = 65_536;
    /** Actors the mix is generated for: the scenario's population. */
    static final int ACTORS = 2500;

    private CommandMix mix;
    private GameHandler handler;
    private long applied;

    @Setup(Level.Trial)
    public void setUp()
    {
        mix = CommandMix.generate(MIX_SIZE, ACTORS);
        handler = new GameHandler(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
    }

    /** The next command of the mix, with the journal index the pipeline would give it. */
    @Benchmark
    public void apply()
    {
        final CommandEvent cmd = mix.next(applied);
        cmd.journalIndex = applied++;
        handler.apply(cmd);
    }
}
