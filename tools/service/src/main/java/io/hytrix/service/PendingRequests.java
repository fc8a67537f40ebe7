package io.hytrix.service;

/**
 * The fixed table of requests in flight, and the source of the correlation handle each command
 * carries through the ring. Its size bounds the gateway's memory: when every entry is taken, new
 * requests are answered 503 instead of queued. Acquire and release are rare compared to commands
 * (a batch shares one entry), so a monitor is simpler than a lock-free free list and costs nothing
 * that shows.
 */
final class PendingRequests
{
    private final PendingRequest[] requests;
    private final int[] free;
    private int freeCount;

    PendingRequests(final int capacity)
    {
        requests = new PendingRequest[capacity];
        free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            requests[i] = new PendingRequest(i);
            free[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    /** @return a free entry, or null when the table is full (answer 503). */
    synchronized PendingRequest acquire()
    {
        return freeCount == 0 ? null : requests[free[--freeCount]];
    }

    synchronized void release(final PendingRequest request)
    {
        request.generation++;
        request.owner = null;
        request.body = null;
        free[freeCount++] = request.index;
    }

    synchronized int inFlight()
    {
        return requests.length - freeCount;
    }

    /** @return the request a correlation names, or null if it was released meanwhile (egress thread only). */
    PendingRequest lookup(final long correlation)
    {
        final int index = (int)correlation - 1;
        if (index < 0 || index >= requests.length)
        {
            return null;
        }
        final PendingRequest request = requests[index];
        return request.generation == (int)(correlation >>> 32) ? request : null;
    }
}
