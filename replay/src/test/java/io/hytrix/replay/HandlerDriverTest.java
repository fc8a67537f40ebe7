package io.hytrix.replay;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandSource;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.journal.JournalFormatException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounds, stop conditions, tick counting and progress of the one replay loop, over an in-memory source. */
class HandlerDriverTest
{
    private static final List<CommandEvent> SCENARIO = JournalFixture.scenario("boots-give-speed");

    @Test
    void runAppliesEveryEntryAndCountsTheTicks()
    {
        final ListSource source = new ListSource(SCENARIO, 0);
        final HandlerDriver driver = driver().source(source, 0);
        assertThat(driver.run()).isEqualTo(SCENARIO.size());
        assertThat(driver.ticks()).isEqualTo(ticksIn(SCENARIO.size()));
        assertThat(driver.handler().commands()).isEqualTo(SCENARIO.size());
        assertThat(driver.handler().lastJournalIndex()).isEqualTo(SCENARIO.size() - 1);
        assertThat(driver.nextIndex()).isEqualTo(SCENARIO.size());
        assertThat(driver.run()).as("the source has ended").isZero();
        assertThat(driver.step()).isFalse();
    }

    @Test
    void anIndexBoundIsInclusiveAndStopsWithoutReadingPastIt()
    {
        final ListSource source = new ListSource(SCENARIO, 0);
        final HandlerDriver driver = driver().source(source, 0).until(ReplayBound.parse("4"));
        assertThat(driver.run()).isEqualTo(5);
        assertThat(source.reads).isEqualTo(5);
        assertThat(driver.nextIndex()).isEqualTo(5);
        assertThat(driver.step()).as("still bound").isFalse();

        final HandlerDriver first = driver().source(new ListSource(SCENARIO, 0), 0).until(ReplayBound.parse("0"));
        assertThat(first.run()).as("index 0 is the first entry, inclusive").isEqualTo(1);
        assertThat(first.handler().lastJournalIndex()).isZero();

        assertThat(driver.until(ReplayBound.END).run()).as("widening the bound resumes").isEqualTo(SCENARIO.size() - 5);
    }

    @Test
    void indexBoundsCountFromTheSourcesFirstIndex()
    {
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO, 100), 100).until(ReplayBound.parse("104"));
        assertThat(driver.run()).isEqualTo(5);
        assertThat(driver.handler().lastJournalIndex()).isEqualTo(104);
        assertThat(driver.until(ReplayBound.parse("99")).run()).isZero();
    }

    @Test
    void aTickBoundAppliesThroughThatTickAndHoldsBackTheNextOne()
    {
        final int thirdTick = indexOfTick(3);
        final ListSource source = new ListSource(SCENARIO, 0);
        final HandlerDriver driver = driver().source(source, 0).until(ReplayBound.parse("tick:2"));
        assertThat(driver.run()).isEqualTo(thirdTick);
        assertThat(driver.ticks()).isEqualTo(2);
        assertThat(driver.handler().ticks()).isEqualTo(2);
        assertThat(driver.nextIndex()).as("the held tick is the next entry").isEqualTo(thirdTick);
        assertThat(driver.command().type).isEqualTo(CommandType.TICK);
        assertThat(driver.command().journalIndex).isEqualTo(thirdTick);
        assertThat(driver.run()).as("held, not applied").isZero();

        assertThat(driver.until(ReplayBound.END).run()).isEqualTo(SCENARIO.size() - thirdTick);
        assertThat(source.reads).as("the held entry is read once").isEqualTo(SCENARIO.size());
        assertThat(driver.ticks()).isEqualTo(ticksIn(SCENARIO.size()));
    }

    @Test
    void tickZeroAppliesWhatComesBeforeTheFirstTick()
    {
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO, 0), 0).until(ReplayBound.parse("tick:0"));
        assertThat(driver.run()).isEqualTo(indexOfTick(1));
        assertThat(driver.ticks()).isZero();
    }

    @Test
    void runThroughStopsAtTheIndexAndSaysWhenTheSourceEndsFirst()
    {
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO, 0), 0);
        assertThat(driver.runThrough(10)).isTrue();
        assertThat(driver.applied()).isEqualTo(11);
        assertThat(driver.runThrough(5)).as("already applied").isTrue();
        assertThat(driver.applied()).isEqualTo(11);
        assertThat(driver.runThrough(1_000)).isFalse();
        assertThat(driver.nextIndex()).isEqualTo(SCENARIO.size());
    }

    @Test
    void runThroughHonoursATickBound()
    {
        final int thirdTick = indexOfTick(3);
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO, 0), 0).until(ReplayBound.parse("tick:2"));
        assertThat(driver.runThrough(thirdTick - 1)).isTrue();
        assertThat(driver.runThrough(thirdTick)).as("the entry is past the bound").isFalse();
        assertThat(driver.applied()).isEqualTo(thirdTick);
    }

    @Test
    void stepAppliesOneEntryAtATime()
    {
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO.subList(0, 3), 0), 0);
        for (int i = 0; i < 3; i++)
        {
            assertThat(driver.step()).isTrue();
            assertThat(driver.command().journalIndex).isEqualTo(i);
            assertThat(driver.handler().commands()).isEqualTo(i + 1);
        }
        assertThat(driver.step()).isFalse();
    }

    @Test
    void readToEndCountsTheRestWithoutApplyingIt()
    {
        final HandlerDriver driver = driver().source(new ListSource(SCENARIO, 0), 0);
        driver.runThrough(10);
        assertThat(driver.readToEnd()).isEqualTo(SCENARIO.size() - 11);
        assertThat(driver.handler().commands()).isEqualTo(11);
        assertThat(driver.nextIndex()).isEqualTo(SCENARIO.size());
    }

    @Test
    void aCorruptEntryPropagatesWithItsIndexAndIsNotApplied()
    {
        final ListSource source = new ListSource(SCENARIO, 0);
        source.corruptAt = 7;
        final HandlerDriver driver = driver().source(source, 0);
        assertThatThrownBy(driver::run).isInstanceOf(JournalFormatException.class)
            .hasMessageStartingWith("journal entry 7:");
        assertThat(driver.applied()).isEqualTo(7);
        assertThat(driver.handler().lastJournalIndex()).isEqualTo(6);
        assertThat(driver.nextIndex()).isEqualTo(7);
    }

    @Test
    void progressHearsTheCommandCountEveryFixedNumberOfCommands()
    {
        final int n = (int)(2 * HandlerDriver.PROGRESS_EVERY + 5);
        final List<CommandEvent> ticks = Collections.nCopies(n, new CommandEvent().tick(0));
        final List<Long> heard = new ArrayList<>();
        final HandlerDriver driver = driver().source(new ListSource(ticks, 0), 0).progress(heard::add);
        assertThat(driver.run()).isEqualTo(n);
        assertThat(driver.ticks()).isEqualTo(n);
        assertThat(heard).containsExactly(HandlerDriver.PROGRESS_EVERY, 2 * HandlerDriver.PROGRESS_EVERY);
    }

    private static HandlerDriver driver()
    {
        return new HandlerDriver(new GameHandler(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE));
    }

    /** Tick commands among the scenario's first {@code entries}. */
    private static long ticksIn(final int entries)
    {
        return SCENARIO.subList(0, entries).stream().filter(c -> c.type == CommandType.TICK).count();
    }

    /** Journal index of the scenario's {@code n}-th tick command (from 1). */
    private static int indexOfTick(final int n)
    {
        int seen = 0;
        for (int i = 0; i < SCENARIO.size(); i++)
        {
            if (SCENARIO.get(i).type == CommandType.TICK && ++seen == n)
            {
                return i;
            }
        }
        throw new AssertionError("the scenario has fewer than " + n + " ticks");
    }

    /** Entries from a list, stamped with dense journal indexes like a journal's; one may be corrupt. */
    private static final class ListSource implements CommandSource
    {
        private final List<CommandEvent> entries;
        private final long firstIndex;
        private int next;
        int reads;
        long corruptAt = -1;

        ListSource(final List<CommandEvent> entries, final long firstIndex)
        {
            this.entries = entries;
            this.firstIndex = firstIndex;
        }

        @Override
        public boolean next(final CommandEvent into)
        {
            if (next == entries.size())
            {
                return false;
            }
            final long index = firstIndex + next;
            final CommandEvent entry = entries.get(next++);
            reads++;
            if (index == corruptAt)
            {
                throw new JournalFormatException(index, "unreadable, for the test");
            }
            into.copyCommandFrom(entry);
            into.journalIndex = index;
            return true;
        }

        @Override
        public void close()
        {
        }
    }
}
