package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.Direction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandFormatTest
{
    @Test
    void yamlAndJsonNameEveryField()
    {
        final CommandEvent cmd = new CommandEvent().createHunt(7, 3, "arena", -5, 10, 600, 100);
        cmd.journalIndex = 12;
        assertThat(CommandFormat.YAML.format(cmd)).isEqualTo(String.join("\n",
            "- index: 12", "  type: createHunt", "  cmdId: 7", "  huntId: 3", "  map: arena", "  seed: -5",
            "  treasures: 10", "  durationTicks: 600", "  maxActors: 100"));
        cmd.move(8, 42, Direction.SW);
        assertThat(CommandFormat.JSON.format(cmd))
            .isEqualTo("{\"index\":12,\"type\":\"move\",\"cmdId\":8,\"actorId\":42,\"dir\":\"SW\"}");
        cmd.tick(9);
        assertThat(CommandFormat.JSON.format(cmd)).isEqualTo("{\"index\":12,\"type\":\"tick\",\"cmdId\":9}");
    }

    @Test
    void jsonEscapesMapNames()
    {
        final CommandEvent cmd = new CommandEvent().createHunt(1, 1, "a\"b\\c", 0, 1, 1, 1);
        cmd.journalIndex = 0;
        assertThat(CommandFormat.JSON.format(cmd)).contains("\"map\":\"a\\\"b\\\\c\"");
    }

    @Test
    void unknownFormatsAreRefused()
    {
        assertThatThrownBy(() -> CommandFormat.parse("xml")).hasMessage("unknown format 'xml' (yaml, json)");
        assertThat(CommandFormat.parse("JSON")).isEqualTo(CommandFormat.JSON);
    }
}
