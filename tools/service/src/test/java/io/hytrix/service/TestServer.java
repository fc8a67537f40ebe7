package io.hytrix.service;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.Journals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** A node behind its HTTP front door on an ephemeral port with its own journal, and a small HTTP client to talk to it. */
final class TestServer implements AutoCloseable
{
    /**
     * A strict reader: duplicate keys, trailing content and anything not JSON fail. Every JSON answer
     * the tests receive goes through it ({@link Answer}, {@link #parse}), so a malformed body fails
     * the test that saw it, whatever that test asserts.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    /** The node, or null when it runs in another process ({@link #TestServer(String, Path)}). */
    final HttpService service;
    final Path journal;
    private final String url;
    private final HttpClient client;
    private String token;

    /** Serves {@code settings} on an ephemeral loopback port. */
    TestServer(final ServiceSettings settings)
    {
        this(settings, clientBuilder().build());
    }

    /** As {@link #TestServer(ServiceSettings)}, talking through {@code client} (one trusting the server's certificate, say). */
    TestServer(final ServiceSettings settings, final HttpClient client)
    {
        this.journal = settings.node().journal().directory();
        this.client = client;
        this.service = HttpService.start(settings.withHttp(http -> http.withAddress("127.0.0.1", 0)));
        this.url = service.url();
    }

    /** A client of a node that runs elsewhere (another process) at {@code url}. */
    TestServer(final String url, final Path journal)
    {
        this.journal = journal;
        this.service = null;
        this.url = url;
        this.client = clientBuilder().build();
    }

    /** HTTP/1.1 with a short connect timeout: what every test client starts from. */
    static HttpClient.Builder clientBuilder()
    {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }

    /** serve's defaults journaling to {@code journal}, without a clock: the journal then holds exactly what the test sent. */
    static ServiceSettings quietSettings(final Path journal)
    {
        return ServiceSettings.journalingTo(journal).withNode(node -> node.withTickHz(0));
    }

    static TestServer quiet(final Path journal)
    {
        return new TestServer(quietSettings(journal));
    }

    TestServer withToken(final String value)
    {
        token = value;
        return this;
    }

    /** An answer; a JSON one (by content type, or by its first character) is parsed as it arrives. */
    record Answer(int status, String body, HttpResponse<String> raw)
    {
        Answer
        {
            final String type = raw.headers().firstValue("content-type").orElse("");
            if (type.startsWith("application/json") || body.startsWith("{") || body.startsWith("["))
            {
                parse(body);
            }
        }

        JsonNode json()
        {
            return parse(body);
        }

        String errorCode()
        {
            return json().path("error").path("code").asText(null);
        }

        String header(final String name)
        {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** {@code text} as JSON, or an AssertionError quoting it. */
    static JsonNode parse(final String text)
    {
        try
        {
            final JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode())
            {
                throw new AssertionError("empty where JSON was expected");
            }
            return node;
        }
        catch (final IOException ex)
        {
            throw new AssertionError("not JSON: " + text, ex);
        }
    }

    URI uri(final String path)
    {
        return URI.create(url + path);
    }

    HttpRequest.Builder request(final String path)
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (token != null)
        {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer get(final String path)
    {
        return send(request(path).GET().build());
    }

    Answer post(final String body)
    {
        return send(postRequest(body));
    }

    HttpRequest postRequest(final String body)
    {
        return request("/v1/commands").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    CompletableFuture<Answer> postAsync(final String body)
    {
        return client.sendAsync(postRequest(body), HttpResponse.BodyHandlers.ofString())
            .thenApply(r -> new Answer(r.statusCode(), r.body(), r));
    }

    Answer send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    HttpClient client()
    {
        return client;
    }

    /** Every command in the journal, read with the journal's own reader. */
    List<String> journalEntries()
    {
        return Journals.read(journal).stream().map(CommandEvent::toString).toList();
    }

    @Override
    public void close()
    {
        if (service != null)
        {
            service.close();
        }
    }

    /** Polls until the condition holds, or fails after {@code seconds}: never a fixed sleep. */
    static void await(final String what, final int seconds, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    static String createHunt(final long cmdId, final long huntId, final String map)
    {
        return "{\"type\":\"createHunt\",\"cmdId\":" + cmdId + ",\"huntId\":" + huntId + ",\"map\":\"" + map
            + "\",\"seed\":7,\"treasures\":8,\"durationTicks\":1000,\"maxActors\":50}";
    }

    static String join(final long cmdId, final long huntId, final long actorId)
    {
        return "{\"type\":\"joinHunt\",\"cmdId\":" + cmdId + ",\"huntId\":" + huntId + ",\"actorId\":" + actorId + "}";
    }
}
