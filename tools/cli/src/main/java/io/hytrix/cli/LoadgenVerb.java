package io.hytrix.cli;

import io.hytrix.bench.loadgen.LoadRun;
import io.hytrix.bench.loadgen.LoadPlan;
import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.map.GridMap;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.bench.workload.WorkloadRun;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;

/** {@code ./hytrix loadgen}: the matchmaker over HTTP at a fixed offered rate, with latency and errors. */
public final class LoadgenVerb implements Verb
{
    private static final int ACTORS_PER_HUNT = 100;

    @Override
    public String name()
    {
        return "loadgen";
    }

    @Override
    public String summary()
    {
        return "a matchmaker simulator against a running ./hytrix serve, at a fixed rate";
    }

    @Override
    public String usage()
    {
        return String.join("\n",
            "usage: ./hytrix loadgen --url URL [--actors N] [--rate R] [--seconds N] [--batch B] [--seed S]",
            "                        [--max-in-flight N] [--token-file F] [--id-base N]",
            "",
            "Creates hunts of " + ACTORS_PER_HUNT + " actors on the shipped maps (" + String.join(", ", WorkloadRun.MAPS) + "),",
            "joins the actors, then sends travel/dig/useItem/move commands (the built-in matchmaker's sequence)",
            "at a fixed offered rate, B commands per request, for N seconds; at the end it ends its hunts.",
            "Reports the achieved rate, latency p50/p99/p99.9/max measured from each request's intended send",
            "time (so a stall counts fully: coordinated omission corrected) and outcomes and errors by code.",
            "Exits 1 if any request failed (HTTP error, transport failure or short answer).",
            "",
            "  --url URL            the service, e.g. http://127.0.0.1:7070",
            "  --actors N           actors (default 2500)",
            "  --rate R             commands per second offered (default 4 per actor)",
            "  --seconds N          how long to send (default 10)",
            "  --batch B            commands per request (default 100)",
            "  --seed S             the matchmaker's seed (default 1)",
            "  --max-in-flight N    requests outstanding at most (default 256)",
            "  --token-file F       send 'Authorization: Bearer <token>' from this file",
            "  --id-base N          added to every cmdId, huntId and actorId (default: from the clock, so runs never collide)");
    }

    @Override
    public int run(final String[] argv, final PrintStream out) throws Exception
    {
        final Args args = Args.parse(argv, 1, Set.of("url", "actors", "rate", "seconds", "batch", "seed",
            "max-in-flight", "token-file", "id-base"), Set.of());
        if (args.help())
        {
            out.println(usage());
            return 0;
        }
        args.positionals();
        final String url = args.string("url", null);
        if (url == null)
        {
            throw new UsageException("--url is required, e.g. --url http://127.0.0.1:7070");
        }
        try
        {
            final URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null)
            {
                throw new UsageException("--url must be http://HOST:PORT, got '" + url + "'");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--url must be http://HOST:PORT, got '" + url + "'");
        }
        final int actors = args.intValue("actors", 2500, 1, 60_000);
        final int rate = args.intValue("rate", actors * 4, 1, 10_000_000);
        final int seconds = args.intValue("seconds", 10, 1, 86_400);
        final int batch = args.intValue("batch", 100, 1, 10_000);
        final long seed = args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        final int maxInFlight = args.intValue("max-in-flight", 256, 1, 100_000);
        final long idBase = args.longValue("id-base", (System.currentTimeMillis() / 1000) << 24, 0, Long.MAX_VALUE >> 8);
        final String token = token(args.string("token-file", null));

        final ShippedMaps catalog = new ShippedMaps();
        final GridMap[] maps = new GridMap[WorkloadRun.MAPS.length];
        for (int i = 0; i < maps.length; i++)
        {
            maps[i] = catalog.require(WorkloadRun.MAPS[i]);
        }
        // Hunts outlast the run unless won (a won hunt is re-created with new players); the rest are ended at the end.
        final int durationTicks = seconds * 10 + 600;
        final LoadPlan plan = new LoadPlan(seed, actors, ACTORS_PER_HUNT, DemoVerb.TREASURES_PER_HUNT, durationTicks, 10, idBase, maps);
        out.printf("hytrix loadgen: %s, %d actors in %d hunts, offered %d commands/s for %d s, %d commands per request "
            + "(%.0f requests/s), seed %d%n", url, actors, plan.hunts(), rate, seconds, batch, rate / (double)batch, seed);

        final LoadRun run = new LoadRun(url, token, maxInFlight);
        final LoadRun.Result r = run.run(plan, rate, seconds, batch, System.err);
        final Histogram h = r.latency();
        out.printf("set-up     %d createHunt/joinHunt in %.2f s (rejected: %s; errors: %s)%n", r.setUp().answered(),
            r.setUpNanos() / 1e9, r.setUp().rejections(), r.setUp().errors());
        out.printf("sent       %d commands in %d requests over %.2f s%n", r.commandsSent(), r.requests(), r.elapsedNanos() / 1e9);
        out.printf("achieved   %.0f commands/s answered (offered %d/s)%n", r.achievedPerSecond(), rate);
        out.printf("outcomes   accepted %d, rejected %d (%s), duplicates %d%n", r.tally().count(ResultCode.ACCEPTED),
            r.tally().answered() - r.tally().count(ResultCode.ACCEPTED), r.tally().rejections(), r.tally().duplicates());
        out.printf("latency    p50=%s p99=%s p99.9=%s max=%s (per request of up to %d commands, from its intended send time"
            + " to its answer: coordinated omission corrected)%n", ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), batch);
        out.printf("errors     %s%n", r.tally().errors());
        final long errors = r.tally().errorCount() + r.setUp().errorCount();
        out.printf("loadgen: achieved=%.0f/s p50=%s p99=%s p99.9=%s max=%s errors=%d%n", r.achievedPerSecond(),
            ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()), errors);
        return errors == 0 ? 0 : 1;
    }

    private static String ms(final long nanos)
    {
        return String.format("%.2fms", nanos / 1e6);
    }

    private static String token(final String file)
    {
        if (file == null)
        {
            return null;
        }
        try
        {
            return Files.readString(Args.readable(file, false), StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read token file " + file + ": " + ex.getMessage());
        }
    }
}
