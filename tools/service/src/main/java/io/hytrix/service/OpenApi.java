package io.hytrix.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API description shipped in the jar ({@code openapi.yaml}), served at {@code GET /openapi.yaml}. */
final class OpenApi
{
    private static final byte[] BYTES = load();

    private OpenApi()
    {
    }

    static byte[] bytes()
    {
        return BYTES;
    }

    private static byte[] load()
    {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.yaml"))
        {
            return in == null ? "openapi.yaml is missing from this build\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
