package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;

/**
 * A group that {@link Bench} measures again for every other thread layout (and wait strategy in a
 * full run): one summary row per configuration, after the main table, so the layouts can be compared
 * without a run each.
 */
interface ComparedGroup
{
    /** The row letter in the progress line, e.g. {@code (c)}. */
    String letter();

    /** The group's measurement under {@code other}, as one row whose id ends in the configuration's key. */
    Row compare(BenchRun run, PipelineConfig other) throws Exception;
}
