package io.hytrix.bench;

/**
 * How much work each row does. {@link #FULL} is {@code ./hytrix bench}, {@link #QUICK} is
 * {@code --quick} (under 60 s on two cores), {@link #TINY} exists for tests: every row, seconds in all.
 *
 * @param mixSize                 commands pre-generated from the matchmaker script and cycled
 * @param handOffEvents           events per iteration of (a)
 * @param appendEvents            entries per iteration of (b)
 * @param journalCommands         commands per iteration of (b2); all of them form the journal (e) replays
 * @param pipelineCommands        commands per iteration of (c)
 * @param handlerCommands         commands per iteration of (d)
 * @param warmups                 discarded iterations before the measured ones
 * @param iterations              measured iterations; rows report their median
 * @param replayIterations        measured replays of the (b2) journal (after one warm-up replay)
 * @param pathQueries             random passable pairs per map for (f)
 * @param scenarioActors          actors in (g)
 * @param scenarioWarmupSeconds   (g) warm-up, left out of every (g) figure
 * @param scenarioSeconds         (g) measured seconds
 * @param compareSeconds          measured seconds of each other layout / wait strategy scenario run
 * @param compareWaitStrategies   whether (c) and (g) are also run for every wait strategy, not just per layout
 */
public record BenchSizes(
    String name,
    int mixSize,
    long handOffEvents,
    long appendEvents,
    long journalCommands,
    long pipelineCommands,
    long handlerCommands,
    int warmups,
    int iterations,
    int replayIterations,
    int pathQueries,
    int scenarioActors,
    int scenarioWarmupSeconds,
    int scenarioSeconds,
    int compareSeconds,
    boolean compareWaitStrategies)
{
    public static final BenchSizes FULL = new BenchSizes("full", 131_072, 5_000_000, 2_000_000, 500_000, 500_000,
        1_000_000, 3, 7, 3, 200, 2500, 10, 30, 10, true);

    public static final BenchSizes QUICK = new BenchSizes("quick", 65_536, 1_000_000, 300_000, 100_000, 200_000,
        200_000, 2, 3, 1, 30, 2500, 3, 6, 3, false);

    /** Test-only scale: tiny counts, every row still produced. */
    public static final BenchSizes TINY = new BenchSizes("tiny", 4_096, 20_000, 10_000, 8_000, 10_000,
        10_000, 1, 2, 1, 4, 300, 1, 2, 1, false);
}
