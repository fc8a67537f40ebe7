package io.hytrix.bench.loadgen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hytrix.engine.command.ResultCode;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the service answered: outcomes by result code (read from each answer's JSON with a
 * streaming parser), duplicates, and errors by kind (HTTP status with the error code, or the
 * transport failure). Called from the HTTP client's completion threads, hence the adders.
 */
public final class AnswerTally
{
    private static final JsonFactory JSON = new JsonFactory();

    private final LongAdder[] outcomes = new LongAdder[32];
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    public AnswerTally()
    {
        for (int i = 0; i < outcomes.length; i++)
        {
            outcomes[i] = new LongAdder();
        }
    }

    /** @param expected how many outcomes the body must hold, or -1 when any number will do. @return how many it held. */
    public int answer(final int status, final byte[] body, final int expected)
    {
        if (status != 200)
        {
            error("HTTP_" + status + errorCode(body));
            return 0;
        }
        int seen = 0;
        try (JsonParser p = JSON.createParser(body))
        {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken())
            {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
                {
                    depth++;
                }
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)
                {
                    depth--;
                }
                else if (t == JsonToken.FIELD_NAME && depth <= 2)
                {
                    final String name = p.currentName();
                    if ("code".equals(name))
                    {
                        p.nextToken();
                        final ResultCode code = codeNamed(p.getText());
                        if (code == null)
                        {
                            error("UNKNOWN_CODE " + p.getText());
                        }
                        else
                        {
                            outcomes[code.code()].increment();
                        }
                        seen++;
                    }
                    else if ("duplicate".equals(name))
                    {
                        if (p.nextToken() == JsonToken.VALUE_TRUE)
                        {
                            duplicates.increment();
                        }
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            error("MALFORMED_ANSWER");
            return seen;
        }
        answered.add(seen);
        if (expected >= 0 && seen != expected)
        {
            error("SHORT_ANSWER");
        }
        return seen;
    }

    public void error(final String kind)
    {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long answered()
    {
        return answered.sum();
    }

    public long count(final ResultCode code)
    {
        return outcomes[code.code()].sum();
    }

    public long duplicates()
    {
        return duplicates.sum();
    }

    public long errorCount()
    {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** e.g. {@code NO_TREASURE=1200 UNKNOWN_ACTOR=3}, or "none". */
    public String rejections()
    {
        final StringBuilder sb = new StringBuilder();
        for (final ResultCode code : ResultCode.values())
        {
            final long n = count(code);
            if (!code.accepted() && n > 0)
            {
                sb.append(sb.length() == 0 ? "" : " ").append(code.name()).append('=').append(n);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    public String errors()
    {
        if (errors.isEmpty())
        {
            return "none";
        }
        final StringBuilder sb = new StringBuilder();
        for (final Map.Entry<String, LongAdder> e : new TreeMap<>(errors).entrySet())
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().sum());
        }
        return sb.toString();
    }

    private static ResultCode codeNamed(final String name)
    {
        for (final ResultCode code : ResultCode.values())
        {
            if (code.name().equals(name))
            {
                return code;
            }
        }
        return null;
    }

    /** The {@code error.code} of an error body, as " CODE", or "" when there is none. */
    private static String errorCode(final byte[] body)
    {
        try (JsonParser p = JSON.createParser(body))
        {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken())
            {
                if (t == JsonToken.FIELD_NAME && "code".equals(p.currentName()))
                {
                    p.nextToken();
                    return " " + p.getText();
                }
            }
        }
        catch (final IOException ex)
        {
            return "";
        }
        return "";
    }
}
