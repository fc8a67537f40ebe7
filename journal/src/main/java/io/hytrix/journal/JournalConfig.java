package io.hytrix.journal;

import java.nio.file.Path;
import java.util.Objects;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * Where and how {@link ChronicleJournal} opens its queue. Immutable: each {@code with} method
 * returns a copy, so one config can be shared and varied safely.
 */
public final class JournalConfig
{
    /** What to do with entries already in the directory. */
    public enum Mode
    {
        /** Keep them; new entries continue the dense index after the last one. */
        APPEND,
        /** Delete the directory's queue files ({@code *.cq4}, {@code *.cq4t}) first; the index starts at 0. */
        FRESH
    }

    /**
     * One file per UTC day, enough sequence bits (2^32 entries per day) for any run, and the
     * layout Chronicle recommends over the legacy {@code DAILY}.
     */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;

    private final Path directory;
    private final RollCycle rollCycle;
    private final Mode mode;
    private final boolean sync;

    private JournalConfig(final Path directory, final RollCycle rollCycle, final Mode mode, final boolean sync)
    {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rollCycle = Objects.requireNonNull(rollCycle, "rollCycle");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.sync = sync;
    }

    /** A config for {@code directory} in {@link Mode#APPEND} mode with the {@link #DEFAULT_ROLL_CYCLE}. */
    public static JournalConfig in(final Path directory)
    {
        return new JournalConfig(directory, DEFAULT_ROLL_CYCLE, Mode.APPEND, false);
    }

    public JournalConfig withMode(final Mode mode)
    {
        return new JournalConfig(directory, rollCycle, mode, sync);
    }

    public JournalConfig withRollCycle(final RollCycle rollCycle)
    {
        return new JournalConfig(directory, rollCycle, mode, sync);
    }

    /**
     * With sync on, {@link ChronicleJournal#commit()} forces what was appended to the storage device
     * (msync); the pipeline commits each batch before applying it, so a command whose outcome was sent
     * survives power loss, not only a process crash.
     */
    public JournalConfig withSync(final boolean forceOnCommit)
    {
        return new JournalConfig(directory, rollCycle, mode, forceOnCommit);
    }

    public boolean sync()
    {
        return sync;
    }

    /** @see #rollCycleNamed(String) */
    public JournalConfig withRollCycle(final String name)
    {
        return withRollCycle(rollCycleNamed(name));
    }

    public Path directory()
    {
        return directory;
    }

    /** The roll cycle for a new queue; an existing queue keeps the one it was created with. */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    public Mode mode()
    {
        return mode;
    }

    /**
     * Finds a Chronicle roll cycle by its constant name, ignoring case: {@code FAST_DAILY},
     * {@code FAST_HOURLY}, {@code LARGE_DAILY}, {@code TEST_SECONDLY} and so on.
     *
     * @throws IllegalArgumentException naming the valid choices if there is no such cycle.
     */
    public static RollCycle rollCycleNamed(final String name)
    {
        final StringBuilder known = new StringBuilder();
        for (final RollCycle cycle : RollCycles.all())
        {
            if (cycle.toString().equalsIgnoreCase(name))
            {
                return cycle;
            }
            known.append(known.length() == 0 ? "" : ", ").append(cycle);
        }
        throw new IllegalArgumentException("unknown roll cycle '" + name + "'; known: " + known);
    }

    @Override
    public String toString()
    {
        return "JournalConfig{directory=" + directory + ", rollCycle=" + rollCycle + ", mode=" + mode + ", sync=" + sync + '}';
    }
}
