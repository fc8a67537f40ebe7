package io.hytrix.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw bytes over a socket, for what a well-behaved HTTP client would never send. */
final class RawHttp
{
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)");

    private RawHttp()
    {
    }

    /** Sends {@code request} and returns what comes back until the server closes or goes quiet for 5 s. */
    static String exchange(final int port, final String request)
    {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 5000, true);
    }

    /**
     * @param quietMillis how long a silence ends the read
     * @param halfClose   shut our side down after sending, so a server waiting for more bytes sees the end
     */
    static String exchange(final int port, final byte[] request, final int quietMillis, final boolean halfClose)
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose)
            {
                socket.shutdownOutput();
            }
            final ByteArrayOutputStream answer = new ByteArrayOutputStream();
            final InputStream in = socket.getInputStream();
            final byte[] buffer = new byte[8192];
            try
            {
                for (int n; (n = in.read(buffer)) > 0; )
                {
                    answer.write(buffer, 0, n);
                }
            }
            catch (final SocketTimeoutException | java.net.SocketException quietOrReset)
            {
                // what arrived so far is the answer
            }
            final String text = answer.toString(StandardCharsets.ISO_8859_1);
            parseJsonBodies(text);
            return text;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends {@code request} on a connection that stays open and reads exactly one answer: its headers
     * and the body its Content-Length announces (a JSON body must parse, as {@link #parseJsonBodies} checks).
     */
    static String oneAnswer(final Socket socket, final String request)
    {
        try
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            final StringBuilder answer = new StringBuilder();
            for (int c; (c = in.read()) >= 0; )
            {
                answer.append((char)c);
                if (answer.indexOf("\r\n\r\n") >= 0)
                {
                    final Matcher length = CONTENT_LENGTH.matcher(answer.toString().toLowerCase(Locale.ROOT));
                    final int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
                    for (int i = 0; i < body && (c = in.read()) >= 0; i++)
                    {
                        answer.append((char)c);
                    }
                    break;
                }
            }
            parseJsonBodies(answer.toString());
            return answer.toString();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Every complete response in {@code answer} (several when pipelined) whose content type is JSON
     * must parse with the strict test parser, as {@link TestServer.Answer} checks for the HTTP client.
     * Stops at the first response without a Content-Length (a stream) or cut short.
     */
    static void parseJsonBodies(final String answer)
    {
        int at = answer.indexOf("HTTP/1.");
        while (at >= 0)
        {
            final int headersEnd = answer.indexOf("\r\n\r\n", at);
            if (headersEnd < 0)
            {
                return;
            }
            final String headers = answer.substring(at, headersEnd).toLowerCase(Locale.ROOT);
            final Matcher length = CONTENT_LENGTH.matcher(headers);
            if (!length.find())
            {
                return;
            }
            final int bodyStart = headersEnd + 4;
            final int bodyEnd = bodyStart + Integer.parseInt(length.group(1));
            if (bodyEnd > answer.length())
            {
                return;
            }
            if (headers.contains("\r\ncontent-type: application/json"))
            {
                TestServer.parse(answer.substring(bodyStart, bodyEnd));
            }
            at = answer.indexOf("HTTP/1.", bodyEnd);
        }
    }

    /** True if the server closed the socket within {@code seconds} (read returns end of stream, or a reset). */
    static boolean closedWithin(final java.net.Socket socket, final int seconds) throws IOException
    {
        socket.setSoTimeout(seconds * 1000);
        final java.io.InputStream in = socket.getInputStream();
        try
        {
            while (true)
            {
                if (in.read() < 0)
                {
                    return true;
                }
            }
        }
        catch (final java.net.SocketTimeoutException ex)
        {
            return false;
        }
        catch (final java.net.SocketException reset)
        {
            return true;
        }
    }
}
