package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;
import io.hytrix.bench.workload.OutcomeRecorder;
import io.hytrix.bench.workload.WorkloadResult;
import io.hytrix.bench.workload.WorkloadRun;
import io.hytrix.bench.workload.WorkloadSettings;
import org.HdrHistogram.Histogram;

import io.hytrix.service.OutputSettings;

import java.nio.file.Path;

/**
 * (g) The seed's scenario through the demo's own runner ({@link WorkloadRun}): hunts of 100 actors on
 * the real maps, a tick every 100 ms, 4 commands per actor per second, each stamped with its
 * intended send time, so latency is corrected for coordinated omission. The warm-up (JIT, the
 * start-up burst of creates and joins, the first cold paths) is run but left out of every figure.
 */
final class WorkloadBench
{
    static final int TICK_HZ = 10;
    static final int ACTIONS_PER_ACTOR_PER_SECOND = 4;

    record Result(PipelineConfig config, int actors, int measuredSeconds, long measuredCommands,
        double offeredPerSecond, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
        double bytesPerCommand, long allocatedBytes, double bytesPerSecond, JvmProbes.GcWindow gc, long rssKb, long hwmKb,
        long pathHits, long pathMisses, String stateHash)
    {
        double hitRate()
        {
            final long n = pathHits + pathMisses;
            return n == 0 ? 0 : (double)pathHits / n;
        }
    }

    private WorkloadBench()
    {
    }

    static Result run(final int actors, final int warmupSeconds, final int seconds, final PipelineConfig config,
        final Path journal, final JvmProbes probes)
    {
        final WorkloadSettings settings = new WorkloadSettings(actors, warmupSeconds + seconds, 1, TICK_HZ,
            ACTIONS_PER_ACTOR_PER_SECOND, 100, 300, 64, journal, false, config, OutputSettings.besideJournal(journal));
        final OutcomeRecorder recorder = new OutcomeRecorder(warmupSeconds * TICK_HZ, true);
        final WorkloadResult result = WorkloadRun.run(settings, recorder);
        final long end = System.nanoTime();
        final long rss = JvmProbes.procStatusKb("VmRSS");
        final long hwm = JvmProbes.procStatusKb("VmHWM");
        final long measureStart = recorder.measureStartNanos() == 0 ? end : recorder.measureStartNanos();
        final JvmProbes.GcWindow gc = probes.pauses(measureStart, end);
        final Histogram h = recorder.latency();
        final double measuredSeconds = (end - measureStart) / 1e9;
        final double perCommand = recorder.allocatedBytesPerCommand();
        final long measured = recorder.measuredCommands();
        return new Result(config, actors, seconds, measured, measured / Math.max(1e-9, measuredSeconds),
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
            h.getMaxValue() / 1e3, perCommand, recorder.allocatedBytes(), recorder.allocatedBytes() / Math.max(1e-9, measuredSeconds), gc, rss, hwm,
            result.pathHits(), result.pathMisses(), result.lastLine());
    }
}
