package io.hytrix.bench.workload;

import io.hytrix.engine.util.Hash64;

/** What a scenario run measured, read after its pipeline stopped. */
public record WorkloadResult(
    WorkloadSettings settings,
    long stateHash,
    long commands,
    long events,
    long published,
    long elapsedNanos,
    OutcomeRecorder outcomes,
    long pathHits,
    long pathMisses,
    long pathEvictions,
    int hunts)
{
    public double commandsPerSecond()
    {
        return commands * 1e9 / elapsedNanos;
    }

    public double pathHitRate()
    {
        final long lookups = pathHits + pathMisses;
        return lookups == 0 ? 0 : 100.0 * pathHits / lookups;
    }

    public String lastLine()
    {
        return "stateHash=" + Hash64.hex(stateHash) + " commands=" + commands + " events=" + events;
    }
}
