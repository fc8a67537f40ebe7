package io.hytrix.journal.output;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EffectType;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;
import io.hytrix.engine.game.Subsystem;
import io.hytrix.engine.game.SubsystemHashes;
import io.hytrix.journal.ArbitraryCommands;
import io.hytrix.journal.Hostile;
import io.hytrix.journal.Hostile.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;
import java.util.List;

/**
 * Recorded outputs are read back from disk by {@code replay --verify} and printed in its reports: a
 * record must be read whole or refused by {@link OutputRecord#validate} with an
 * {@link OutputFormatException}; once validated, every accessor (each event, the checksum) must work,
 * since a report prints all of them.
 *
 * <p>1,500 tries, each a few microseconds plus the harness's hand-off; fixed seed, printed by jqwik on a
 * failure.
 */
class OutputRecordPropertyTest
{
    @Property(tries = 1500, seed = "20260102")
    void everyRecordIsReadWholeOrRefused(@ForAll("records") final byte[] bytes)
    {
        final Outcome outcome = Hostile.decodeOrRefuse(() ->
        {
            final OutputRecord record = new OutputRecord(16);
            System.arraycopy(bytes, 0, record.reserve(bytes.length), 0, bytes.length);
            record.length = bytes.length;
            record.validate();
            readEverything(record);
        }, OutputFormatException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 5);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 50);
        });
    }

    /** What a verification report reads of a record. */
    private static void readEverything(final OutputRecord record)
    {
        if (record.kind() == OutputRecord.META)
        {
            record.checksumEveryTicks();
            return;
        }
        final StringBuilder text = new StringBuilder().append(record.journalIndex()).append(record.tick())
            .append(record.cmdId()).append(record.commandType()).append(record.result()).append(record.duplicate());
        final GameEvent event = new GameEvent();
        for (int i = 0; i < record.eventCount(); i++)
        {
            text.append(record.event(i, event));
        }
        if (record.hasChecksum())
        {
            text.append(record.checksum(new SubsystemHashes()).value(Subsystem.all()[0]));
        }
    }

    @Provide
    Arbitrary<byte[]> records()
    {
        final Arbitrary<byte[]> meta = Arbitraries.integers().map(every ->
        {
            final OutputRecord record = new OutputRecord(8);
            record.writeMeta(every);
            return Arrays.copyOf(record.bytes(), record.length());
        });
        final Arbitrary<byte[]> command = Combinators.combine(ArbitraryCommands.any(), Arbitraries.of(ResultCode.class),
            Arbitraries.longs().greaterOrEqual(0), events().list().ofMaxSize(6), Arbitraries.of(true, false),
            Arbitraries.of(true, false)).as(OutputRecordPropertyTest::record);
        // Bytes a header or an event is made of: the schema, both kinds, event type and reason ids.
        final List<byte[]> tokens = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {0}, new byte[] {19},
            new byte[] {(byte)0x80}, new byte[] {(byte)0xff, (byte)0xff, (byte)0xff, (byte)0x7f});
        return Hostile.bytes(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, meta), net.jqwik.api.Tuple.of(5, command)),
            tokens, 400);
    }

    private static byte[] record(final CommandEvent cmd, final ResultCode result, final long journalIndex,
        final List<GameEvent> events, final boolean checksum, final boolean duplicate)
    {
        final byte[][] written = new byte[1][];
        final OutputRecorder recorder = new OutputRecorder(r -> written[0] = Arrays.copyOf(r.bytes(), r.length()));
        for (final GameEvent e : events)
        {
            recorder.onEvent(cmd, e);
        }
        if (checksum)
        {
            final SubsystemHashes hashes = new SubsystemHashes();
            for (final Subsystem s : Subsystem.all())
            {
                hashes.set(s, journalIndex * 31 + s.ordinal());
            }
            recorder.onChecksum(cmd, hashes);
        }
        cmd.result = result;
        cmd.journalIndex = journalIndex;
        cmd.tick = journalIndex / 3;
        cmd.duplicate = duplicate;
        recorder.onOutcome(cmd);
        return written[0];
    }

    private static Arbitrary<GameEvent> events()
    {
        return Combinators.combine(Arbitraries.of(EventType.class), Arbitraries.longs(), Arbitraries.longs(),
            Arbitraries.integers(), Arbitraries.integers(), Arbitraries.of(ItemType.class).injectNull(0.3),
            Arbitraries.of(EffectType.class).injectNull(0.5), Arbitraries.of(CompletionReason.class).injectNull(0.5))
            .as((type, hunt, actor, x, y, item, effect, reason) ->
            {
                final GameEvent e = new GameEvent();
                e.type = type;
                e.huntId = hunt;
                e.actorId = actor;
                e.x = x;
                e.y = y;
                e.tick = x ^ y;
                e.item = item;
                e.effect = effect;
                e.reason = reason;
                e.value = hunt ^ actor;
                return e;
            });
    }
}
