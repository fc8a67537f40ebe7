package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmarks of the gateway's JSON codecs: parsing one command body, writing one outcome.
 * The codecs are package-private, so this class sits in their package (a split package across the
 * service and bench jars, fine on the class path the fat jar runs with). Each benchmark is one call
 * into the codec so that it is easy to point at a rewritten one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GatewayJsonJmh
{
    /** A travel, the command whose body carries the most fields in the bench mix. */
    static final String COMMAND = "{\"type\":\"travel\",\"cmdId\":7,\"actorId\":3,\"x\":10,\"y\":4}";
    /** The most commands one request may carry: the gateway's default bound does not matter for one command. */
    private static final int MAX_COMMANDS = 64;

    private ByteBuf body;
    private CommandJsonParser parser;
    private CommandBatch batch;
    private EgressSlot outcome;
    private ByteBuf events;
    private ByteBuf answer;

    @Setup(Level.Trial)
    public void setUp()
    {
        body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(COMMAND.getBytes(StandardCharsets.US_ASCII)));
        parser = new CommandJsonParser(MAX_COMMANDS);
        batch = new CommandBatch();
        outcome = new EgressSlot();
        outcome.cmdId = 7;
        outcome.result = ResultCode.ACCEPTED;
        outcome.journalIndex = 1_234_567;
        events = Unpooled.buffer(16);
        answer = Unpooled.buffer(512);
    }

    /** {@code POST /v1/commands}: one command object into a validated template (returned so it stays live). */
    @Benchmark
    public CommandEvent parseCommand() throws GatewayError
    {
        parser.parse(body, batch);
        return batch.get(0);
    }

    /** The answer to it: an accepted outcome with no events (the buffer is reused, as the egress thread does). */
    @Benchmark
    public ByteBuf writeOutcome()
    {
        AnswerJson.outcome(answer.clear(), outcome, events);
        return answer;
    }
}
