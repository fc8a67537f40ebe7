package io.hytrix.service;

import java.util.function.UnaryOperator;

/**
 * The HTTP front door: where it listens, who gets in, and how much a client may ask of it.
 *
 * @param bind                  the address to listen on
 * @param port                  the port (0: any free one)
 * @param token                 the bearer token every request must carry, or null for none
 * @param adminToken            the bearer token {@code /v1/admin/*} needs instead of {@code token}, or null: then
 *                              admin endpoints take {@code token} like every other endpoint
 * @param tls                   the certificate and key to serve HTTPS with, or null for plain HTTP
 * @param limits                what a client may ask before being refused
 * @param ioThreads             Netty event loops
 */
public record HttpSettings(String bind, int port, byte[] token, byte[] adminToken, TlsSettings tls, ClientLimits limits,
    int ioThreads)
{
    /** Loopback on 7070, plain HTTP, no token, the default limits, one event loop. */
    public static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 7070, null, null, null, ClientLimits.DEFAULTS, 1);

    public HttpSettings
    {
        token = token == null ? null : token.clone();
        adminToken = adminToken == null ? null : adminToken.clone();
    }

    @Override
    public byte[] token()
    {
        return token == null ? null : token.clone();
    }

    @Override
    public byte[] adminToken()
    {
        return adminToken == null ? null : adminToken.clone();
    }

    public boolean authRequired()
    {
        return token != null;
    }

    public boolean adminTokenRequired()
    {
        return adminToken != null;
    }

    public HttpSettings withAddress(final String address, final int listenPort)
    {
        return new HttpSettings(address, listenPort, token, adminToken, tls, limits, ioThreads);
    }

    public HttpSettings withToken(final byte[] value)
    {
        return new HttpSettings(bind, port, value, adminToken, tls, limits, ioThreads);
    }

    public HttpSettings withAdminToken(final byte[] value)
    {
        return new HttpSettings(bind, port, token, value, tls, limits, ioThreads);
    }

    public HttpSettings withTls(final TlsSettings value)
    {
        return new HttpSettings(bind, port, token, adminToken, value, limits, ioThreads);
    }

    public HttpSettings withLimits(final UnaryOperator<ClientLimits> change)
    {
        return new HttpSettings(bind, port, token, adminToken, tls, change.apply(limits), ioThreads);
    }

    /** Says whether tokens are set, never what they are: settings end up in logs and assertion messages. */
    @Override
    public String toString()
    {
        return "HttpSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "set")
            + ", adminToken=" + (adminToken == null ? "none" : "set") + ", tls=" + tls + ", limits=" + limits
            + ", ioThreads=" + ioThreads + "]";
    }
}
