package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.command.Direction;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.journal.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayToolsTest
{
    @TempDir
    Path dir;

    @Test
    void replayingTwiceAndWithAOneEntryCacheGivesTheSameHash()
    {
        final Path journal = Journals.write(dir.resolve("j"), JournalFixture.scenario("boots-give-speed"));
        final ReplayResult a = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null);
        final ReplayResult b = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE).replay(journal, null);
        final ReplayResult c = new Replayer(new ShippedMaps(), Replayer.pathCache(1), EngineListener.NONE).replay(journal, null);
        assertThat(a.commands()).isEqualTo(52);
        assertThat(b.lastLine()).isEqualTo(a.lastLine());
        assertThat(c.lastLine()).isEqualTo(a.lastLine());
    }

    @Test
    void replayStopsAtAnIndexOrATick()
    {
        final Path journal = Journals.write(dir.resolve("j"), JournalFixture.scenario("boots-give-speed"));
        final Replayer byIndex = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
        assertThat(byIndex.replay(journal, ReplayBound.parse("4"), null).commands()).isEqualTo(5);
        final Replayer byTick = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE);
        byTick.replay(journal, ReplayBound.parse("tick:2"), null);
        assertThat(byTick.ticks()).isEqualTo(2);
        assertThat(byTick.handler().hunt(1).tick()).isEqualTo(2);
        assertThatThrownBy(() -> ReplayBound.parse("tick:x")).hasMessageContaining("got 'tick:x'");
        assertThatThrownBy(() -> ReplayBound.parse("-3")).hasMessageContaining("got '-3'");
    }

    @Test
    void theActorTraceShowsCommandsEventsAndStateOnlyInsideTheWindow()
    {
        final Path journal = Journals.write(dir.resolve("j"), JournalFixture.scenario("boots-give-speed"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ActorTracer tracer = new ActorTracer(7, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final Replayer replayer = new Replayer(new ShippedMaps(), Replayer.pathCache(0),
            new ReplayWindow(ReplayBound.parse("15"), tracer));
        tracer.handler(replayer.handler());
        replayer.replay(journal, ReplayBound.parse("16"), null);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
            "- index: 15",
            "  command: dig{cmdId=4, actorId=7}",
            "  outcome: ACCEPTED",
            "  events:",
            "    - treasureFound{huntId=1, actorId=7, x=4, y=18, item=BOOTS, score=2}",
            "  state: {hunt: 1, x: 4, y: 18, score: 2, inventory: [0: BOOTS x1], effects: []}",
            "- index: 16",
            "  command: useItem{cmdId=5, actorId=7, slot=0}",
            "  outcome: ACCEPTED",
            "  events:",
            "    - effectStarted{huntId=1, actorId=7, effect=SPEED, expiresAt=42}",
            "  state: {hunt: 1, x: 4, y: 18, score: 2, inventory: [], effects: [SPEED until 42]}", ""));
    }

    @Test
    void whyNamesTheCommandsBehindItemsAndEffects()
    {
        final List<CommandEvent> commands = new ArrayList<>(JournalFixture.scenario("boots-give-speed").subList(0, 23));
        final Path journal = Journals.write(dir.resolve("j"), commands);
        final WhyTracker why = new WhyTracker(7);
        new Replayer(new ShippedMaps(), Replayer.pathCache(0), why).replay(journal, null);
        assertThat(why.explain()).containsExactly(
            "COIN: journal index 22 dig{cmdId=8, actorId=7} dug it at (7,14)",
            "SPEED effect: journal index 16 useItem{cmdId=5, actorId=7, slot=0} started it, expires at tick 42");
    }

    @Test
    void filtersSelectByTypeActorHuntAndRange()
    {
        final List<CommandEvent> commands = List.of(
            new CommandEvent().createHunt(1, 1, "plaza", 1, 3, 100, 4),
            new CommandEvent().createHunt(2, 2, "plaza", 1, 3, 100, 4),
            new CommandEvent().joinHunt(3, 1, 10),
            new CommandEvent().joinHunt(4, 2, 20),
            new CommandEvent().move(5, 10, Direction.N),
            new CommandEvent().move(6, 20, Direction.S),
            new CommandEvent().tick(7));
        assertThat(select(commands, new CommandFilter(0, Long.MAX_VALUE, Set.of(), null, 2L))).containsExactly(2L, 4L, 6L, 7L);
        assertThat(select(commands, new CommandFilter(0, Long.MAX_VALUE, Set.of(), 10L, null))).containsExactly(3L, 5L);
        assertThat(select(commands, new CommandFilter(0, Long.MAX_VALUE, CommandFilter.types("move,tick"), null, null)))
            .containsExactly(5L, 6L, 7L);
        assertThat(select(commands, new CommandFilter(2, 4, Set.of(), null, null))).containsExactly(3L, 4L, 5L);
        assertThat(CommandFilter.types("dig")).containsExactly(CommandType.DIG);
        assertThatThrownBy(() -> CommandFilter.types("dig,fly")).hasMessageStartingWith("unknown command type 'fly'");
    }

    private static List<Long> select(final List<CommandEvent> commands, final CommandFilter filter)
    {
        final List<Long> kept = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++)
        {
            final CommandEvent cmd = commands.get(i);
            cmd.journalIndex = i;
            if (filter.accept(cmd))
            {
                kept.add(cmd.cmdId);
            }
        }
        return kept;
    }
}
