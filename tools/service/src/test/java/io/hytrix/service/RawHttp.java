package io.hytrix.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw bytes over a socket, for what a well-behaved HTTP client would never send. */
final class RawHttp
{
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
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
