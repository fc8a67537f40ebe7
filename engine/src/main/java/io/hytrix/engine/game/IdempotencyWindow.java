package io.hytrix.engine.game;

import io.hytrix.engine.command.ResultCode;
import io.hytrix.engine.util.LongIntMap;
import io.hytrix.engine.util.SplitMix64;

/**
 * The outcomes of the last {@code capacity} commands by cmdId, so a retried command is answered with
 * its original outcome instead of being applied twice. It is game state: filled from the journal,
 * it replays identically, and the oldest cmdId leaves when a new one arrives (FIFO, no clock).
 */
public final class IdempotencyWindow
{
    private final long[] cmdIds;
    private final byte[] results;
    /** Per entry: a digest of the command's fields (rules 2), or 0 when none was kept (rules 1). */
    private final long[] fieldDigests;
    private final LongIntMap index;
    private int next;
    private int size;
    private long digest;

    public IdempotencyWindow(final int capacity)
    {
        cmdIds = new long[capacity];
        results = new byte[capacity];
        fieldDigests = new long[capacity];
        index = new LongIntMap(capacity);
    }

    /** @return the earlier outcome of {@code cmdId}, or null if it is not in the window. */
    public ResultCode lookup(final long cmdId)
    {
        final int at = index.get(cmdId);
        return at < 0 ? null : ResultCode.fromCode(results[at]);
    }

    /** @return where {@code cmdId} sits in the window (for {@link #resultIn} and {@link #fieldDigestIn}), or -1. */
    public int find(final long cmdId)
    {
        return index.get(cmdId);
    }

    public ResultCode resultIn(final int position)
    {
        return ResultCode.fromCode(results[position]);
    }

    /** The field digest kept with the entry at {@code position}; 0 when it was recorded under rules 1. */
    public long fieldDigestIn(final int position)
    {
        return fieldDigests[position];
    }

    public void record(final long cmdId, final ResultCode result)
    {
        record(cmdId, result, 0);
    }

    /**
     * @param fieldDigest a non-zero digest of the command's fields (rules 2), so a retry with other fields
     *                    can be told apart; 0 keeps none (rules 1), and the entry hashes as it always did.
     */
    public void record(final long cmdId, final ResultCode result, final long fieldDigest)
    {
        if (size == cmdIds.length)
        {
            index.remove(cmdIds[next]);
            digest -= entryHash(cmdIds[next], results[next], fieldDigests[next]);
        }
        else
        {
            size++;
        }
        cmdIds[next] = cmdId;
        results[next] = (byte)result.code();
        fieldDigests[next] = fieldDigest;
        index.put(cmdId, next);
        digest += entryHash(cmdId, results[next], fieldDigest);
        next = next + 1 == cmdIds.length ? 0 : next + 1;
    }

    /**
     * A running hash of the (cmdId, result) pairs in the window, kept as entries come and go so the
     * production checksum need not walk 65,536 entries (that walk was ~300 us of a 320 us checksum).
     * It is a sum, so it sees which pairs are held, not their order.
     */
    public long digest()
    {
        return digest;
    }

    private static long entryHash(final long cmdId, final byte result, final long fieldDigest)
    {
        final long pair = SplitMix64.mix(cmdId * 0x9E3779B97F4A7C15L + result);
        return fieldDigest == 0 ? pair : pair + SplitMix64.mix(fieldDigest ^ cmdId);
    }

    public int size()
    {
        return size;
    }

    public int capacity()
    {
        return cmdIds.length;
    }

    /** Oldest first, for the state hash and snapshots. */
    long cmdIdAt(final int age)
    {
        return cmdIds[(next - size + age + cmdIds.length) % cmdIds.length];
    }

    byte resultAt(final int age)
    {
        return results[(next - size + age + cmdIds.length) % cmdIds.length];
    }

    long fieldDigestAt(final int age)
    {
        return fieldDigests[(next - size + age + cmdIds.length) % cmdIds.length];
    }
}
