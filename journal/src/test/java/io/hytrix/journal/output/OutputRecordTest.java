package io.hytrix.journal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by {@link OutputRecordPropertyTest}: a record whose lengths add up but whose
 * event bytes name an unknown type or completion reason passed {@link OutputRecord#validate}, and
 * reading that event then threw IllegalArgumentException, out of a verification report.
 */
class OutputRecordTest
{
    private final OutputRecord record = new OutputRecord(16);

    @Test
    void anUnknownEventTypeIsRefusedByValidate()
    {
        recordOneEvent(EventType.ACTOR_MOVED, null);
        record.bytes()[OutputRecord.HEADER] = 0;
        assertThatThrownBy(record::validate).isInstanceOf(OutputFormatException.class)
            .hasMessage("record for journal index 5: event 0 has unknown type id 0");
    }

    @Test
    void anUnknownCompletionReasonIsRefusedByValidate()
    {
        recordOneEvent(EventType.HUNT_COMPLETED, CompletionReason.TIME);
        record.bytes()[OutputRecord.HEADER + 31] = 99;
        assertThatThrownBy(record::validate).isInstanceOf(OutputFormatException.class)
            .hasMessage("record for journal index 5: event 0 has unknown completion reason id 99");
    }

    @Test
    void aValidatedRecordReadsBackEveryEvent()
    {
        recordOneEvent(EventType.HUNT_COMPLETED, CompletionReason.TIME);
        record.validate();
        assertThat(record.event(0, new GameEvent()).reason).isEqualTo(CompletionReason.TIME);
    }

    private void recordOneEvent(final EventType type, final CompletionReason reason)
    {
        final OutputRecorder recorder = new OutputRecorder(r -> record.copyFrom(r));
        final CommandEvent cmd = new CommandEvent().dig(3, 4);
        final GameEvent event = new GameEvent();
        event.type = type;
        event.reason = reason;
        recorder.onEvent(cmd, event);
        cmd.journalIndex = 5;
        cmd.result = ResultCode.ACCEPTED;
        recorder.onOutcome(cmd);
    }
}
