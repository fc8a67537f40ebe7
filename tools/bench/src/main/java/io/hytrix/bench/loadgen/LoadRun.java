package io.hytrix.bench.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a running service at a fixed offered rate of request slots: request k is due at
 * {@code start + k * batch / rate} whatever happened to earlier ones (a slot no player needs stays
 * empty; the players themselves react to the answers, see {@link LoadPlan}), and its latency is measured
 * from that due time, so a stalled server shows up as latency instead of as fewer requests
 * (coordinated omission). Requests go out asynchronously (java.net.http), at most
 * {@code maxInFlight} at once; past that the sender waits, and the wait counts as latency too.
 */
public final class LoadRun
{
    /** What a run measured. */
    public record Result(long requests, long commandsSent, long elapsedNanos, AnswerTally setUp, long setUpNanos,
        Histogram latency, AnswerTally tally)
    {
        public double achievedPerSecond()
        {
            return tally.answered() * 1e9 / elapsedNanos;
        }
    }

    private final URI commands;
    private final String token;
    private final HttpClient client;
    private final int maxInFlight;

    public LoadRun(final String baseUrl, final String token, final int maxInFlight)
    {
        this.commands = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/commands");
        this.token = token;
        this.maxInFlight = maxInFlight;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Result run(final LoadPlan plan, final int rate, final int seconds, final int batch, final PrintStream progress)
        throws InterruptedException
    {
        final AnswerTally setUp = new AnswerTally();
        final long setUpStart = System.nanoTime();
        for (String body; (body = plan.nextSetUp(500)) != null; )
        {
            sendAndWait(body, setUp, plan);
        }
        final long setUpNanos = System.nanoTime() - setUpStart;

        final AnswerTally tally = new AnswerTally();
        final Recorder recorder = new Recorder(3);
        final Semaphore inFlight = new Semaphore(maxInFlight);
        final AtomicLong outstanding = new AtomicLong();
        final double nanosPerRequest = batch * 1e9 / rate;
        final long requests = (long)Math.floor(seconds * 1e9 / nanosPerRequest);
        final long start = System.nanoTime();
        long nextProgress = start + TimeUnit.SECONDS.toNanos(5);
        long sent = 0;
        long sentRequests = 0;
        for (long k = 0; k < requests; k++)
        {
            final long due = start + (long)(k * nanosPerRequest);
            for (long wait; (wait = due - System.nanoTime()) > 0; )
            {
                LockSupport.parkNanos(wait);
            }
            // Written at its due time, so the players act on every answer that came in before it.
            final String body = plan.nextBatch(batch);
            if (body == null)
            {
                continue; // no player has anything to send: an empty slot, as in the in-process driver
            }
            final int count = plan.written();
            sent += count;
            sentRequests++;
            inFlight.acquire();
            outstanding.incrementAndGet();
            send(body).whenComplete((response, failure) ->
            {
                final long latency = System.nanoTime() - due;
                if (failure != null)
                {
                    tally.error((failure.getCause() != null ? failure.getCause() : failure).getClass().getSimpleName());
                }
                else
                {
                    tally.answer(response.statusCode(), response.body(), count);
                    if (response.statusCode() == 200)
                    {
                        plan.answered(response.body());
                    }
                }
                recorder.recordValue(Math.max(1, latency));
                outstanding.decrementAndGet();
                inFlight.release();
            });
            if (progress != null && System.nanoTime() >= nextProgress)
            {
                progress.printf("loadgen: %.0f s, %d commands sent, %d answered, %d errors%n",
                    (System.nanoTime() - start) / 1e9, sent, tally.answered(), tally.errorCount());
                nextProgress += TimeUnit.SECONDS.toNanos(5);
            }
        }
        inFlight.acquire(maxInFlight); // every answer is in
        final long elapsed = System.nanoTime() - start;
        inFlight.release(maxInFlight);
        final Histogram latency = recorder.getIntervalHistogram();
        sendAndWait(plan.tearDown(), new AnswerTally(), null);
        return new Result(sentRequests, sent, elapsed, setUp, setUpNanos, latency, tally);
    }

    private void sendAndWait(final String body, final AnswerTally tally, final LoadPlan plan)
    {
        try
        {
            final HttpResponse<byte[]> response = send(body).join();
            tally.answer(response.statusCode(), response.body(), -1);
            if (plan != null && response.statusCode() == 200)
            {
                plan.answered(response.body());
            }
        }
        catch (final RuntimeException ex)
        {
            tally.error(ex.getCause() == null ? ex.getClass().getSimpleName() : ex.getCause().getClass().getSimpleName());
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> send(final String body)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(commands)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
