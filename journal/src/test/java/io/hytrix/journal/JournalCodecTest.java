package io.hytrix.journal;

import static io.hytrix.journal.Commands.assertSameCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.command.ResultCode;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalCodecTest
{
    private final Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(JournalCodec.MAX_ENCODED_LENGTH);

    @ParameterizedTest
    @EnumSource(CommandType.class)
    void everyTypeRoundTripsAtBothExtremes(final CommandType type)
    {
        for (final boolean max : new boolean[] {true, false})
        {
            final CommandEvent original = Commands.extreme(type, max);
            bytes.clear();
            final int written = JournalCodec.encode(original, bytes);
            assertThat(written).isEqualTo(Commands.expectedLength(original)).isEqualTo((int)bytes.readRemaining());

            final CommandEvent decoded = new CommandEvent();
            decoded.result = ResultCode.INTERNAL;
            decoded.eventCount = 3;
            JournalCodec.decode(bytes, decoded, 0);
            assertSameCommand(decoded, original);
            assertThat(decoded.result).isEqualTo(ResultCode.ACCEPTED);
            assertThat(decoded.eventCount).isZero();
            assertThat(bytes.readRemaining()).isZero();
        }
    }

    @Test
    void everyDirectionRoundTrips()
    {
        for (final Direction dir : Direction.values())
        {
            bytes.clear();
            JournalCodec.encode(new CommandEvent().move(1, 2, dir), bytes);
            final CommandEvent decoded = new CommandEvent();
            JournalCodec.decode(bytes, decoded, 0);
            assertThat(decoded.dir).isEqualTo(dir);
        }
    }

    @Test
    void layoutMatchesTheJavadocExample()
    {
        JournalCodec.encode(new CommandEvent().move(7, 42, Direction.E), bytes);
        assertThat(bytes.toByteArray()).containsExactly(
            0x02, 0x04,
            0x07, 0, 0, 0, 0, 0, 0, 0,
            0x2a, 0, 0, 0, 0, 0, 0, 0,
            0x02);
    }

    @Test
    void theSchemaByteIsTheCommandsRulesVersionAndDecodesBackIntoIt()
    {
        final CommandEvent old = new CommandEvent().move(7, 42, Direction.E);
        old.rules = CommandEvent.RULES_1;
        JournalCodec.encode(old, bytes);
        assertThat(bytes.toByteArray()[0]).isEqualTo((byte)1); // a rules-1 command is a schema-v1 entry, as before
        final CommandEvent decoded = new CommandEvent();
        JournalCodec.decode(bytes, decoded, 0);
        assertThat(decoded.rules).isEqualTo(CommandEvent.RULES_1);
        bytes.clear();
        JournalCodec.encode(new CommandEvent().move(7, 42, Direction.E), bytes);
        JournalCodec.decode(bytes, decoded, 0);
        assertThat(decoded.rules).isEqualTo(CommandEvent.CURRENT_RULES);
    }

    @Test
    void multiByteFieldsAreLittleEndianAndMapIsLengthPrefixed()
    {
        JournalCodec.encode(new CommandEvent().createHunt(0x0102030405060708L, 1, "ab", 2, 0x11223344, 5, 6), bytes);
        final byte[] b = bytes.toByteArray();
        assertThat(Arrays.copyOfRange(b, 2, 10)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        // huntId (8) then the map: length 2, 'a', 'b'
        assertThat(Arrays.copyOfRange(b, 18, 21)).containsExactly(2, 'a', 'b');
        // seed (8) then treasures
        assertThat(Arrays.copyOfRange(b, 29, 33)).containsExactly(0x44, 0x33, 0x22, 0x11);
    }

    @Test
    void maxEncodedLengthIsTheLongestCreateHunt()
    {
        final CommandEvent longest = Commands.extreme(CommandType.CREATE_HUNT, true);
        assertThat(JournalCodec.encode(longest, bytes)).isEqualTo(JournalCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void encodeRefusesWhatDecodeWouldReject()
    {
        assertThatThrownBy(() -> JournalCodec.encode(new CommandEvent(), bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no type");
        assertThatThrownBy(() -> JournalCodec.encode(new CommandEvent().move(1, 2, null), bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dir=-1 is outside 0..7");
        assertThatThrownBy(() -> JournalCodec.encode(new CommandEvent().useItem(1, 2, 256), bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot=256");
        assertThatThrownBy(() -> JournalCodec.encode(new CommandEvent().createHunt(1, 2, "m", 3, -1, 5, 6), bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("treasures=-1");

        final CommandEvent tooLong = new CommandEvent().createHunt(1, 2, "m", 3, 4, 5, 6);
        tooLong.mapNameLength = CommandEvent.MAX_MAP_NAME_LENGTH + 1;
        assertThatThrownBy(() -> JournalCodec.encode(tooLong, bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map name length 65");

        final CommandEvent space = new CommandEvent().createHunt(1, 2, "ab", 3, 4, 5, 6);
        space.mapName[1] = ' ';
        assertThatThrownBy(() -> JournalCodec.encode(space, bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map name byte 1");
    }

    @Test
    void everyPrefixOfAValidEntryIsReportedAsTruncated()
    {
        for (final CommandType type : CommandType.values())
        {
            bytes.clear();
            JournalCodec.encode(Commands.extreme(type, true), bytes);
            final byte[] whole = bytes.toByteArray();
            for (int length = 0; length < whole.length; length++)
            {
                final Bytes<byte[]> prefix = Bytes.wrapForRead(Arrays.copyOf(whole, length));
                assertThatThrownBy(() -> JournalCodec.decode(prefix, new CommandEvent(), 17))
                    .as("%s cut to %d bytes", type, length)
                    .isInstanceOf(JournalFormatException.class)
                    .hasMessageStartingWith("journal entry 17: truncated: ");
            }
        }
    }

    @Test
    void formatExceptionCarriesIndexAndProblem()
    {
        final JournalFormatException e = new JournalFormatException(5, "bad");
        assertThat(e.index()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("bad");
        assertThat(e).hasMessage("journal entry 5: bad").isInstanceOf(JournalException.class);
    }
}
