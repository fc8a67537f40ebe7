package io.hytrix.bench;

import java.util.List;

/**
 * One row of {@code ./hytrix bench}, or the rows that share one measurement (the (g) percentiles, a
 * throughput and its allocation). {@link Bench} runs the groups and lays their rows out in the order
 * it lists them; a group knows only its own measurement and reads anything else it shows from
 * {@link BenchRun}.
 */
interface RowGroup
{
    /** When a group is measured; the table keeps {@link Bench}'s order whatever this says. */
    enum Phase
    {
        /** Before anything else: (g), whose resident memory the throughput rows' journal mappings would inflate. */
        FIRST,
        /** In table order, after the {@link #FIRST} groups. */
        IN_ORDER,
        /** After everything, the comparison runs included: figures of the whole run. */
        LAST
    }

    /** The progress line printed before the group runs, or null for a group that only reads what others measured. */
    String title(BenchRun run);

    /**
     * Measures and returns the group's rows in table order, each added through {@link BenchRun#add} so
     * that rows derived from it ({@link DerivedRow}) can read it.
     */
    List<Row> measure(BenchRun run) throws Exception;

    default Phase phase()
    {
        return Phase.IN_ORDER;
    }
}
