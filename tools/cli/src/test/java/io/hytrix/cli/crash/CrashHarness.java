package io.hytrix.cli.crash;

import io.hytrix.journal.ChildJvm;

import io.hytrix.journal.output.OutputQueue;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import io.hytrix.replay.verify.VerifyText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.command.CommandType;
import io.hytrix.engine.workload.MatchmakerScript;
import io.hytrix.engine.map.GridMap;
import io.hytrix.engine.util.Hash64;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.codec.CommandJsonWriter;
import io.hytrix.replay.codec.JsonText;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash harness: runs {@code serve} as a child JVM on one journal and snapshot directory, drives
 * it with matchmaker commands from a few client threads, {@code kill -9}s it at random moments
 * (seeded; the seed is printed), restarts it, and checks after every restart and at the end:
 * <ul>
 *   <li>the state hash the restarted server reports at {@code GET /v1/state} equals a replay of the
 *       journal up to the index it reports (so recovery from a snapshot plus tail is exact);</li>
 *   <li>every command whose outcome a client received is in the journal, applied with that outcome;</li>
 *   <li>no cmdId was applied twice: the clients resend the requests whose answers they lost in a
 *       crash, and some already answered ones, and every later occurrence must be a duplicate;</li>
 *   <li>after a final orderly stop, the hash serve prints equals the replay of the whole journal;</li>
 *   <li>the outputs serve recorded beside the journal across all those crashes hold every journal
 *       entry exactly once, and verify identical against it: outcomes, events and checksums.</li>
 * </ul>
 * {@code scripts/crash-harness.sh} runs it for many kills; {@code CrashHarnessTest} for a CI-sized run.
 */
public final class CrashHarness
{
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern LAST_LINE = Pattern.compile("stateHash=([0-9a-f]{16}) commands=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 2;

    /** What to run. */
    public record Settings(int kills, double secondsPerRun, long seed, Path work, PrintStream out)
    {
    }

    /** What a run found. */
    public record Result(long seed, int kills, int earlyKills, int snapshotStarts, long acknowledged, long resentRequests,
        long duplicatesApplied, long journalEntries, List<String> failures)
    {
        public boolean passed()
        {
            return failures.isEmpty();
        }

        public String summary()
        {
            return String.format("crash harness: seed=%d kills=%d (%d during start-up) restarts-from-snapshot=%d acknowledged=%d "
                + "resent-requests=%d duplicates-in-journal=%d journal-entries=%d failures=%d", seed, kills, earlyKills,
                snapshotStarts, acknowledged, resentRequests, duplicatesApplied, journalEntries, failures.size());
        }
    }

    private record Receipt(String code, boolean duplicate)
    {
    }

    private final Settings settings;
    private final Path journal;
    private final Path snapshots;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, List<Receipt>> receipts = new ConcurrentHashMap<>();
    /** Request bodies whose outcome no client received (the server died, or said 503): sent again. */
    private final ConcurrentLinkedDeque<String> unknown = new ConcurrentLinkedDeque<>();
    private final String[] recent = new String[64];
    private int recentCount;
    private final MatchmakerScript script;
    private final CommandEvent scratch = new CommandEvent();
    private final AtomicLong resent = new AtomicLong();
    private final JournalChecker checker;

    private CrashHarness(final Settings settings) throws IOException
    {
        this.settings = settings;
        Files.createDirectories(settings.work());
        this.journal = settings.work().resolve("journal");
        this.snapshots = settings.work().resolve("snapshots");
        this.checker = new JournalChecker(journal, failures);
        final ShippedMaps maps = new ShippedMaps();
        final GridMap[] grids = { maps.require("plaza"), maps.require("arena") };
        this.script = new MatchmakerScript(settings.seed(), 400, 50, 3000, 400, grids);
    }

    public static Result run(final Settings settings) throws IOException, InterruptedException
    {
        return new CrashHarness(settings).run();
    }

    private Result run() throws IOException, InterruptedException
    {
        final PrintStream out = settings.out();
        out.printf("crash harness: seed=%d kills=%d seconds-per-run=%.2f work=%s%n", settings.seed(), settings.kills(),
            settings.secondsPerRun(), settings.work());
        final Random random = new Random(settings.seed());
        int early = 0;
        int fromSnapshot = 0;
        for (int run = 0; run <= settings.kills() && failures.isEmpty(); run++)
        {
            final boolean last = run == settings.kills();
            final Path log = settings.work().resolve(String.format("serve-%03d.log", run));
            final Process serve = ChildJvm.start(log, "io.hytrix.cli.Main", List.of("serve", "--port", "0",
                "--journal", journal.toString(), "--snapshots", snapshots.toString(), "--tick-hz", "10",
                "--snapshot-every-commands", "4000", "--snapshot-every-seconds", "1", "--snapshot-keep", "3"));
            try
            {
                if (!last && random.nextInt(8) == 0)
                {
                    // Killed while starting: during JVM start, recovery or the first appends.
                    final long delayMillis = random.nextInt(2000);
                    final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
                    while (System.nanoTime() < deadline && serve.isAlive())
                    {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    }
                    kill(serve);
                    early++;
                    out.printf("run %d: killed %d ms after spawn (start-up)%n", run, delayMillis);
                    continue;
                }
                final String url = awaitListening(serve, log);
                if (url == null)
                {
                    break;
                }
                if (Files.readString(log).contains("from the snapshot at journal index"))
                {
                    fromSnapshot++;
                }
                final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
                checkState(client, url, "run " + run + " after restart");
                if (last)
                {
                    finish(client, url, serve, log);
                    break;
                }
                final AtomicBoolean stop = new AtomicBoolean();
                final List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++)
                {
                    final Thread t = new Thread(() -> load(client, url, stop), "crash-client-" + c);
                    t.start();
                    clients.add(t);
                }
                final long killAfterMillis = 50 + (long)(random.nextDouble() * Math.max(0, settings.secondsPerRun() * 1000 - 50));
                final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfterMillis);
                while (System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(deadline - System.nanoTime());
                }
                kill(serve);
                stop.set(true);
                for (final Thread t : clients)
                {
                    t.join(TimeUnit.SECONDS.toMillis(60));
                    if (t.isAlive())
                    {
                        failures.add("client thread " + t.getName() + " did not stop within 60 s after the kill");
                    }
                }
                out.printf("run %d: killed -9 after %d ms of load; journal %d entries checked, %d cmdIds acknowledged, "
                    + "%d requests to resend%n", run, killAfterMillis, checker.entries(), receipts.size(), unknown.size());
            }
            finally
            {
                if (serve.isAlive())
                {
                    kill(serve);
                }
            }
        }
        checkReceipts();
        final Result result = new Result(settings.seed(), settings.kills(), early, fromSnapshot, receipts.size(), resent.get(),
            checker.duplicates(), checker.entries(), List.copyOf(failures));
        for (final String failure : result.failures().subList(0, Math.min(20, result.failures().size())))
        {
            out.println("FAILURE: " + failure);
        }
        out.println(result.summary());
        out.flush();
        return result;
    }

    private static void kill(final Process serve) throws InterruptedException
    {
        serve.destroyForcibly(); // SIGKILL on Linux: kill -9
        if (!serve.waitFor(60, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("serve did not die after SIGKILL");
        }
    }

    /** Waits for serve's "listening on URL" line; null (and a failure) if it exits or takes over 120 s. */
    private String awaitListening(final Process serve, final Path log) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline)
        {
            final String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            final Matcher m = LISTENING.matcher(text);
            if (m.find())
            {
                return m.group(1);
            }
            if (!serve.isAlive())
            {
                failures.add("serve exited with " + serve.exitValue() + " instead of starting; its log " + log + ":\n" + tail(text));
                return null;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        failures.add("serve did not start listening within 120 s; see " + log);
        return null;
    }

    private static String tail(final String text)
    {
        final String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }

    /** The server's state at the journal index it reports equals the journal replayed up to there. */
    private void checkState(final HttpClient client, final String url, final String when) throws InterruptedException
    {
        try
        {
            final HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/state"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            final JsonNode state = JSON.readTree(r.body());
            final long index = state.path("journalIndex").asLong();
            checker.advanceTo(index);
            final String replayed = Hash64.hex(checker.stateHash());
            if (!replayed.equals(state.path("stateHash").asText()))
            {
                failures.add(when + ": the server reports stateHash " + state.path("stateHash").asText() + " at journal index "
                    + index + ", replaying the journal to there gives " + replayed);
            }
        }
        catch (final IOException ex)
        {
            failures.add(when + ": GET /v1/state failed: " + ex);
        }
    }

    /** The last run: resend what is still unknown, check, stop in order and compare its last line with the whole journal. */
    private void finish(final HttpClient client, final String url, final Process serve, final Path log)
        throws IOException, InterruptedException
    {
        for (String body; (body = unknown.pollFirst()) != null; )
        {
            resent.incrementAndGet();
            if (!send(client, url, body, false))
            {
                failures.add("the final run could not resend a request");
                return;
            }
        }
        checkState(client, url, "final run");
        serve.destroy(); // SIGTERM: the orderly stop prints the final hash
        if (!serve.waitFor(120, TimeUnit.SECONDS) || serve.exitValue() != 0)
        {
            failures.add("serve did not stop cleanly on SIGTERM; see " + log);
            return;
        }
        checker.advanceToEnd();
        final Matcher m = LAST_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
        String hash = null;
        while (m.find())
        {
            hash = m.group(1);
        }
        if (!Hash64.hex(checker.stateHash()).equals(hash))
        {
            failures.add("serve stopped with stateHash " + hash + ", replaying the whole journal gives " + Hash64.hex(checker.stateHash()));
        }
        checkOutputs();
    }

    private void checkOutputs()
    {
        final Path outputs = OutputQueue.besideJournal(journal);
        final VerifyReport report = new OutputVerifier(new ShippedMaps(), Replayer.pathCache(0)).run(journal, outputs, null);
        if (!report.identical() || report.unrecordedTail() != 0)
        {
            final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            VerifyText.summary(report, outputs, new PrintStream(text, true, StandardCharsets.UTF_8));
            failures.add("the recorded outputs do not match the journal (" + report.unrecordedTail() + " entries unrecorded): "
                + text.toString(StandardCharsets.UTF_8));
        }
        else
        {
            settings.out().printf("crash harness: outputs verified: %d commands, %d checksums, each recorded once%n",
                report.commands(), report.checksums());
        }
    }

    /** A client thread: sends until told to stop or until the server is gone. */
    private void load(final HttpClient client, final String url, final AtomicBoolean stop)
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get())
        {
            String body = unknown.pollFirst();
            boolean answeredBefore = false;
            if (body != null)
            {
                resent.incrementAndGet();
            }
            else if (random.nextInt(100) < 5 && (body = recentAnswered(random)) != null)
            {
                answeredBefore = true;
                resent.incrementAndGet();
            }
            else
            {
                body = nextBatch(1 + random.nextInt(40));
            }
            try
            {
                if (!send(client, url, body, answeredBefore))
                {
                    return; // the server is gone: the body waits in `unknown` for the next run
                }
            }
            catch (final InterruptedException ex)
            {
                unknown.add(body);
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2 + random.nextInt(8)));
        }
    }

    /** @return false when the request failed in transport (its outcome is unknown and it is queued again) */
    private boolean send(final HttpClient client, final String url, final String body, final boolean answeredBefore)
        throws InterruptedException
    {
        final HttpResponse<String> r;
        try
        {
            r = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/commands")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException ex)
        {
            unknown.add(body);
            return false;
        }
        if (r.statusCode() == 503)
        {
            unknown.add(body); // not admitted: nothing of it was journaled
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            return true;
        }
        if (r.statusCode() != 200)
        {
            failures.add("POST /v1/commands answered " + r.statusCode() + ": " + r.body());
            return true;
        }
        try
        {
            for (final JsonNode outcome : JSON.readTree(r.body()))
            {
                final long cmdId = outcome.path("cmdId").asLong();
                final boolean duplicate = outcome.path("duplicate").asBoolean(false);
                receipts.computeIfAbsent(cmdId, id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Receipt(outcome.path("code").asText(), duplicate));
                if (answeredBefore && !duplicate)
                {
                    failures.add("cmdId " + cmdId + " was answered before, and its resend was applied again");
                }
            }
        }
        catch (final IOException ex)
        {
            failures.add("answer is not JSON: " + r.body());
            return true;
        }
        if (!answeredBefore)
        {
            remember(body);
        }
        return true;
    }

    private synchronized String nextBatch(final int size)
    {
        return JsonText.write(g ->
        {
            g.writeStartArray();
            int n = 0;
            while (n < size)
            {
                script.next(scratch);
                if (scratch.type == CommandType.TICK)
                {
                    continue; // the service has its own clock
                }
                n++;
                CommandJsonWriter.write(g, scratch);
            }
            g.writeEndArray();
        });
    }

    private synchronized void remember(final String body)
    {
        recent[recentCount++ % recent.length] = body;
    }

    private synchronized String recentAnswered(final ThreadLocalRandom random)
    {
        return recentCount == 0 ? null : recent[random.nextInt(Math.min(recentCount, recent.length))];
    }

    /** Every received outcome is the outcome the journal's applied occurrence got; at most one was "applied". */
    private void checkReceipts()
    {
        checker.advanceToEnd();
        for (final Map.Entry<Long, List<Receipt>> e : receipts.entrySet())
        {
            final JournalChecker.Applied applied = checker.applied(e.getKey());
            if (applied == null)
            {
                failures.add("cmdId " + e.getKey() + " was acknowledged (" + e.getValue().get(0).code() + ") but is not in the journal");
                continue;
            }
            int firstTimes = 0;
            for (final Receipt receipt : e.getValue())
            {
                if (!receipt.code().equals(applied.result().name()))
                {
                    failures.add("cmdId " + e.getKey() + " was answered " + receipt.code() + " but applied with " + applied.result()
                        + " at journal index " + applied.journalIndex());
                }
                firstTimes += receipt.duplicate() ? 0 : 1;
            }
            if (firstTimes > 1)
            {
                failures.add("cmdId " + e.getKey() + " was answered as applied (not duplicate) " + firstTimes + " times");
            }
        }
    }

    /** {@code CrashHarness [--kills N] [--seconds-per-run S] [--seed X] [--work DIR]}; exit 0 when every check passed. */
    public static void main(final String[] args) throws Exception
    {
        int kills = 200;
        double seconds = 2;
        long seed = System.nanoTime();
        Path work = Files.createTempDirectory("hytrix-crash");
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                case "--seconds-per-run" -> seconds = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final Result result = run(new Settings(kills, seconds, seed, work, System.out));
        System.exit(result.passed() ? 0 : 1);
    }
}
