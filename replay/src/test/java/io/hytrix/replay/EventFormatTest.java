package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.game.CompletionReason;
import io.hytrix.engine.game.EventType;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.ItemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay's event and outcome lines, exactly: two builds' outputs are diffed line by line. */
class EventFormatTest
{
    private final CommandEvent cause = new CommandEvent().dig(8, 42);

    EventFormatTest()
    {
        cause.journalIndex = 12;
    }

    @Test
    void eventsCarryTheirCauseAndEveryFieldInOrder()
    {
        final GameEvent found = new GameEvent();
        found.type = EventType.TREASURE_FOUND;
        found.huntId = 3;
        found.actorId = 42;
        found.x = -1;
        found.y = 7;
        found.item = ItemType.COIN;
        found.value = 10;
        assertThat(EventFormat.format(CommandFormat.YAML, cause, found))
            .isEqualTo("- {index: 12, cmdId: 8, event: treasureFound, huntId: 3, actorId: 42, x: -1, y: 7, item: COIN, score: 10}");
        assertThat(EventFormat.format(CommandFormat.JSON, cause, found))
            .isEqualTo("{\"index\":12,\"cmdId\":8,\"event\":\"treasureFound\",\"huntId\":3,\"actorId\":42,\"x\":-1,\"y\":7,"
                + "\"item\":\"COIN\",\"score\":10}");
        assertThat(found.toString()).isEqualTo("treasureFound{huntId=3, actorId=42, x=-1, y=7, item=COIN, score=10}");

        final GameEvent completed = new GameEvent();
        completed.type = EventType.HUNT_COMPLETED;
        completed.huntId = 3;
        completed.reason = CompletionReason.values()[0];
        completed.tick = 99;
        completed.x = 2;
        assertThat(EventFormat.format(CommandFormat.JSON, cause, completed))
            .isEqualTo("{\"index\":12,\"cmdId\":8,\"event\":\"huntCompleted\",\"huntId\":3,\"reason\":\""
                + CompletionReason.values()[0].name() + "\",\"tick\":99,\"actors\":2}");
    }

    @Test
    void outcomesQuoteTheCommandAndMarkDuplicates()
    {
        cause.result = ResultCode.NO_TREASURE;
        cause.duplicate = true;
        assertThat(EventFormat.outcome(CommandFormat.YAML, cause))
            .isEqualTo("- {index: 12, cmdId: 8, command: 'dig{cmdId=8, actorId=42}', outcome: NO_TREASURE, duplicate: true}");
        assertThat(EventFormat.outcome(CommandFormat.JSON, cause))
            .isEqualTo("{\"index\":12,\"cmdId\":8,\"command\":\"dig{cmdId=8, actorId=42}\",\"outcome\":\"NO_TREASURE\",\"duplicate\":true}");
        final CommandEvent hunt = new CommandEvent().createHunt(1, 2, "a\"b", 3, 4, 5, 6);
        hunt.journalIndex = 0;
        assertThat(EventFormat.outcome(CommandFormat.JSON, hunt)).isEqualTo("{\"index\":0,\"cmdId\":1,\"command\":"
            + "\"createHunt{cmdId=1, huntId=2, map=a\\\"b, seed=3, treasures=4, durationTicks=5, maxActors=6}\",\"outcome\":\"ACCEPTED\"}");
    }
}
