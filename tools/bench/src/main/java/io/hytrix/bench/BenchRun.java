package io.hytrix.bench;

import io.hytrix.engine.pipeline.PipelineConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the row groups of one bench run share: the sizes, the pipeline under test, a scratch
 * directory, the JVM probes, the command mix (generated once, on first use) and every row measured so
 * far, by id, for the rows derived from them.
 */
final class BenchRun
{
    /** Actors the command mix is generated for: the scenario's population. */
    private static final int MIX_ACTORS = 2500;

    private final BenchSizes sizes;
    private final PipelineConfig config;
    private final Path work;
    private final JvmProbes probes;
    private final PrintStream progress;
    private final long startedNanos;
    private final Map<String, Row> measured = new HashMap<>();
    private CommandMix mix;
    private CommandMix withoutTravel;

    /** @param progress where progress lines go, or null for none */
    BenchRun(final BenchSizes sizes, final PipelineConfig config, final Path work, final JvmProbes probes,
        final PrintStream progress, final long startedNanos)
    {
        this.sizes = sizes;
        this.config = config;
        this.work = work;
        this.probes = probes;
        this.progress = progress;
        this.startedNanos = startedNanos;
    }

    BenchSizes sizes()
    {
        return sizes;
    }

    PipelineConfig config()
    {
        return config;
    }

    /** The run's scratch directory, deleted when the run ends. */
    Path work()
    {
        return work;
    }

    JvmProbes probes()
    {
        return probes;
    }

    /** {@code System.nanoTime()} when the bench started: the whole-run rows measure from here. */
    long startedNanos()
    {
        return startedNanos;
    }

    /** The matchmaker command mix every throughput row cycles through; generated when first asked for. */
    CommandMix mix()
    {
        if (mix == null)
        {
            step("generating the command mix (" + sizes.mixSize() + " commands)");
            mix = CommandMix.generate(sizes.mixSize(), MIX_ACTORS);
        }
        return mix;
    }

    /** {@link #mix()} without its travel commands: the primed rows (c') and (d'). */
    CommandMix mixWithoutTravel()
    {
        if (withoutTravel == null)
        {
            withoutTravel = mix().withoutTravel();
        }
        return withoutTravel;
    }

    /** Records a measured row so that rows derived from it can read it; returns it. */
    Row add(final Row row)
    {
        if (measured.putIfAbsent(row.id(), row) != null)
        {
            throw new IllegalStateException("two bench rows with id " + row.id());
        }
        return row;
    }

    /** Computes a derived row from the rows measured so far and records it too. */
    Row add(final DerivedRow derived)
    {
        return add(derived.of(this));
    }

    /** A row measured earlier in this run; a row derived from one that has not run yet is a bug in the table's order. */
    Row row(final String id)
    {
        final Row row = measured.get(id);
        if (row == null)
        {
            throw new IllegalStateException("bench row " + id + " is read before it was measured");
        }
        return row;
    }

    double value(final String id)
    {
        return row(id).value();
    }

    /** (c) at {@code cfg} in a directory of its own under {@link #work()}, deleted afterwards. */
    Throughput.Result pipeline(final CommandMix commands, final PipelineConfig cfg) throws Exception
    {
        final Path dir = work.resolve("pipeline-" + key(cfg));
        try
        {
            return Throughput.pipeline(commands, cfg, dir, sizes.pipelineCommands(), sizes.warmups(), sizes.iterations());
        }
        finally
        {
            delete(dir);
        }
    }

    /** One progress line, stamped with the seconds since the bench started. */
    void step(final String what)
    {
        if (progress != null)
        {
            progress.printf(Locale.ROOT, "bench [%5.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9, what);
        }
    }

    /** e.g. {@code composed/counted-blocking}. */
    static String name(final PipelineConfig cfg)
    {
        return cfg.layout().name().toLowerCase(Locale.ROOT) + "/" + cfg.waitStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** e.g. {@code composed.counted-blocking}: the id suffix of a comparison row. */
    static String key(final PipelineConfig cfg)
    {
        return name(cfg).replace('/', '.');
    }

    static void delete(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
