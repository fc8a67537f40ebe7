package io.hytrix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.Hostile.Outcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.openhft.chronicle.bytes.Bytes;

import java.util.List;

/**
 * Journal entries are bytes on disk that anything may have damaged: {@link JournalCodec#decode} must
 * read an entry or refuse it with a {@link JournalFormatException}, never fail any other way. An
 * entry it does read must be one the codec could have written: encoding the result gives back the
 * same bytes, so a damaged entry is never silently read as a different command.
 *
 * <p>2,000 tries of about 20 microseconds each; the seed is fixed so CI sees the same inputs every
 * run, and jqwik prints it (and the shrunk input) when a try fails.
 */
class JournalCodecPropertyTest
{
    @Property(tries = 2000, seed = "20260101")
    void everyEntryIsReadExactlyOrRefused(@ForAll("entries") final byte[] entry)
    {
        final Outcome outcome = Hostile.decodeOrRefuse(() ->
        {
            final CommandEvent decoded = new CommandEvent();
            JournalCodec.decode(Bytes.wrapForRead(entry), decoded, 42);
            final Bytes<byte[]> again = Bytes.allocateElasticOnHeap(JournalCodec.MAX_ENCODED_LENGTH);
            JournalCodec.encode(decoded, again);
            assertThat(again.toByteArray()).as("the entry re-encoded").isEqualTo(entry);
        }, JournalFormatException.class);
        Statistics.collect(outcome);
        Statistics.coverage(coverage ->
        {
            coverage.check(Outcome.DECODED).percentage(p -> p > 5);
            coverage.check(Outcome.REFUSED).percentage(p -> p > 50);
        });
    }

    @Provide
    Arbitrary<byte[]> entries()
    {
        final Arbitrary<byte[]> valid = ArbitraryCommands.any().map(cmd ->
        {
            final Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(JournalCodec.MAX_ENCODED_LENGTH);
            JournalCodec.encode(cmd, bytes);
            return bytes.toByteArray();
        });
        // Bytes that make a plausible header: the schema version, type ids, a map length of 64 and 65.
        return Hostile.bytes(valid, List.of(new byte[] {1}, new byte[] {1, 1}, new byte[] {9}, new byte[] {10},
            new byte[] {64}, new byte[] {65}, new byte[] {(byte)0xff}), 2 * JournalCodec.MAX_ENCODED_LENGTH);
    }
}
