package io.hytrix.bench.workload;

import io.hytrix.engine.pipeline.PipelineConfig;

import io.hytrix.service.OutputSettings;

import java.nio.file.Path;

/** The seed's scenario, parameterised: who plays, for how long, how hard, and where it is journaled. */
public record WorkloadSettings(
    int actors,
    int seconds,
    long seed,
    int tickHz,
    int actionsPerActorPerSecond,
    int actorsPerHunt,
    int huntDurationTicks,
    int treasuresPerHunt,
    Path journal,
    boolean appendJournal,
    PipelineConfig pipeline,
    OutputSettings outputs)
{
    public int commandsPerWindow()
    {
        return (int)((long)actors * actionsPerActorPerSecond / tickHz);
    }
}
