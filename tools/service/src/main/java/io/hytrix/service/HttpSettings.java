package io.hytrix.service;

/**
 * The HTTP front door: where it listens, who gets in, and how much a client may ask of it.
 *
 * @param bind                  the address to listen on
 * @param port                  the port (0: any free one)
 * @param token                 the bearer token every request must carry, or null for none
 * @param adminToken            the bearer token {@code /v1/admin/*} needs instead of {@code token}, or null: then
 *                              admin endpoints take {@code token} like every other endpoint
 * @param tls                   the certificate and key to serve HTTPS with, or null for plain HTTP
 * @param maxBodyBytes          a larger request body is refused with 413 before it is read
 * @param maxCommandsPerRequest a larger batch is refused (capped further at half the command ring)
 * @param maxRequestsInFlight   admitted and unanswered requests; beyond it new requests get 503
 * @param ioThreads             Netty event loops
 * @param idleTimeoutSeconds    a connection with no traffic this long is closed (0: never)
 */
public record HttpSettings(String bind, int port, byte[] token, byte[] adminToken, TlsSettings tls, int maxBodyBytes,
    int maxCommandsPerRequest, int maxRequestsInFlight, int ioThreads, int idleTimeoutSeconds)
{
    /** Loopback on 7070, plain HTTP, no token, 1 MiB bodies, one event loop. */
    public static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 7070, null, null, null, 1 << 20, 10_000,
        4096, 1, 60);

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
        return new HttpSettings(address, listenPort, token, adminToken, tls, maxBodyBytes, maxCommandsPerRequest,
            maxRequestsInFlight, ioThreads, idleTimeoutSeconds);
    }

    public HttpSettings withToken(final byte[] value)
    {
        return new HttpSettings(bind, port, value, adminToken, tls, maxBodyBytes, maxCommandsPerRequest,
            maxRequestsInFlight, ioThreads, idleTimeoutSeconds);
    }

    public HttpSettings withAdminToken(final byte[] value)
    {
        return new HttpSettings(bind, port, token, value, tls, maxBodyBytes, maxCommandsPerRequest, maxRequestsInFlight,
            ioThreads, idleTimeoutSeconds);
    }

    public HttpSettings withTls(final TlsSettings value)
    {
        return new HttpSettings(bind, port, token, adminToken, value, maxBodyBytes, maxCommandsPerRequest,
            maxRequestsInFlight, ioThreads, idleTimeoutSeconds);
    }

    public HttpSettings withLimits(final int bodyBytes, final int commandsPerRequest, final int requestsInFlight)
    {
        return new HttpSettings(bind, port, token, adminToken, tls, bodyBytes, commandsPerRequest, requestsInFlight,
            ioThreads, idleTimeoutSeconds);
    }

    public HttpSettings withIdleTimeoutSeconds(final int seconds)
    {
        return new HttpSettings(bind, port, token, adminToken, tls, maxBodyBytes, maxCommandsPerRequest,
            maxRequestsInFlight, ioThreads, seconds);
    }

    /** Says whether tokens are set, never what they are: settings end up in logs and assertion messages. */
    @Override
    public String toString()
    {
        return "HttpSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "set")
            + ", adminToken=" + (adminToken == null ? "none" : "set") + ", tls=" + tls + ", maxBodyBytes=" + maxBodyBytes
            + ", maxCommandsPerRequest=" + maxCommandsPerRequest + ", maxRequestsInFlight=" + maxRequestsInFlight
            + ", ioThreads=" + ioThreads + ", idleTimeoutSeconds=" + idleTimeoutSeconds + "]";
    }
}
