package io.hytrix.service;

/**
 * How much one client, or all of them, may ask of the HTTP front door before being refused: the
 * limits that keep a slow, greedy or hostile client from costing the others their answers.
 *
 * @param maxBodyBytes           a larger request body is refused with 413 before it is read
 * @param maxCommandsPerRequest  a larger batch is refused (capped further at half the command ring)
 * @param maxRequestsInFlight    admitted and unanswered requests; beyond it new requests get 503
 * @param maxConnections         open connections; beyond it a new connection is closed at once (0: no cap)
 * @param idleTimeoutSeconds     a connection with no traffic this long is closed (0: never)
 * @param requestDeadlineSeconds a request's headers and body must arrive within this long of its first
 *                               byte, however slowly they trickle in, or the connection is closed (0: no deadline)
 */
public record ClientLimits(int maxBodyBytes, int maxCommandsPerRequest, int maxRequestsInFlight, int maxConnections,
    int idleTimeoutSeconds, int requestDeadlineSeconds)
{
    /** 1 MiB bodies, 10,000 commands a request, 4,096 in flight, 10,000 connections, 60 s idle, 10 s a request. */
    public static final ClientLimits DEFAULTS = new ClientLimits(1 << 20, 10_000, 4096, 10_000, 60, 10);

    public ClientLimits withMaxBodyBytes(final int value)
    {
        return new ClientLimits(value, maxCommandsPerRequest, maxRequestsInFlight, maxConnections, idleTimeoutSeconds,
            requestDeadlineSeconds);
    }

    public ClientLimits withMaxRequestsInFlight(final int value)
    {
        return new ClientLimits(maxBodyBytes, maxCommandsPerRequest, value, maxConnections, idleTimeoutSeconds,
            requestDeadlineSeconds);
    }

    public ClientLimits withMaxConnections(final int value)
    {
        return new ClientLimits(maxBodyBytes, maxCommandsPerRequest, maxRequestsInFlight, value, idleTimeoutSeconds,
            requestDeadlineSeconds);
    }

    public ClientLimits withIdleTimeoutSeconds(final int value)
    {
        return new ClientLimits(maxBodyBytes, maxCommandsPerRequest, maxRequestsInFlight, maxConnections, value,
            requestDeadlineSeconds);
    }

    public ClientLimits withRequestDeadlineSeconds(final int value)
    {
        return new ClientLimits(maxBodyBytes, maxCommandsPerRequest, maxRequestsInFlight, maxConnections,
            idleTimeoutSeconds, value);
    }
}
