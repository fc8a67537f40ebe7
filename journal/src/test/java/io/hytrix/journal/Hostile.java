package io.hytrix.journal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hostile input for the decoders' property tests (shared through the test-jar with the replay module):
 * valid encodings mutated the ways a disk, a network or an attacker mutates them, and one check that
 * a decoder either reads the input or refuses it with its own exception and a message. Anything else
 * fails the property: another exception (NPE, ArrayIndexOutOfBounds, NegativeArraySize), an Error
 * such as OutOfMemoryError, a decode that does not finish (a loop), or one that allocates more than
 * {@link #MAX_ALLOCATED_BYTES} (a length field believed before it was checked).
 */
public final class Hostile
{
    /**
     * Far more than any decoder here needs for the inputs these properties make (kilobytes), far less
     * than a length field claiming gigabytes would make it allocate.
     */
    public static final long MAX_ALLOCATED_BYTES = 64L << 20;

    /** Generous on two shared cores; a decode here takes microseconds to milliseconds. */
    private static final long TIME_LIMIT_SECONDS = 20;

    /**
     * Values that sit on the boundaries length and count fields are checked against: zero, one, the
     * limits of the game's tables (64-byte map names, 256 treasures, 1,024 hunts, 4,096 actors),
     * and the sign and size extremes of an i32.
     */
    private static final int[] INTERESTING = {
        0, 1, -1, 2, 7, 8, 63, 64, 65, 127, 128, 255, 256, 257, 1023, 1024, 1025, 4095, 4096, 4097,
        65_535, 65_536, 65_537, 100_000_001, 0x3fff_ffff, 0x7fff_fffe, Integer.MAX_VALUE, Integer.MIN_VALUE,
    };

    /** The decoding thread: one, reused, so the time limit and the allocation count cost no thread per try. */
    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(task ->
    {
        final Thread thread = new Thread(task, "hostile-decoder");
        thread.setDaemon(true);
        return thread;
    });

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private Hostile()
    {
    }

    /** What a decoder did with one input. */
    public enum Outcome
    {
        DECODED, REFUSED
    }

    /** A decode that may throw anything. */
    @FunctionalInterface
    public interface Decode
    {
        void run() throws Exception;
    }

    /** The ways one input is damaged; {@link Mutation} applies one. */
    public enum Kind
    {
        FLIP_BIT, SET_BYTE, TRUNCATE, EXTEND, DELETE, DUPLICATE, INSERT_TOKEN, INT_LITTLE_ENDIAN, INT_BIG_ENDIAN,
        SHORT_BIG_ENDIAN
    }

    /**
     * One damage at a position. {@code at} and {@code value} are any non-negative and any int, read
     * modulo what the input allows when applied, so a mutation stays meaningful as earlier ones change
     * the input's length, and shrinks towards position 0 and value 0.
     */
    public record Mutation(Kind kind, int at, int value)
    {
        byte[] apply(final byte[] in, final List<byte[]> dictionary)
        {
            final int length = in.length;
            switch (kind)
            {
                case FLIP_BIT:
                {
                    if (length == 0)
                    {
                        return in;
                    }
                    final byte[] out = in.clone();
                    out[at % length] ^= (byte)(1 << Math.floorMod(value, 8));
                    return out;
                }
                case SET_BYTE:
                {
                    if (length == 0)
                    {
                        return in;
                    }
                    final byte[] out = in.clone();
                    out[at % length] = (byte)INTERESTING[Math.floorMod(value, INTERESTING.length)];
                    return out;
                }
                case TRUNCATE:
                    return Arrays.copyOf(in, at % (length + 1));
                case EXTEND:
                {
                    final byte[] out = Arrays.copyOf(in, length + 1 + Math.floorMod(value, 64));
                    final SplittableRandom random = new SplittableRandom(value);
                    for (int i = length; i < out.length; i++)
                    {
                        out[i] = (byte)random.nextInt(256);
                    }
                    return out;
                }
                case DELETE:
                {
                    if (length == 0)
                    {
                        return in;
                    }
                    final int from = at % length;
                    final int to = Math.min(length, from + 1 + Math.floorMod(value, 16));
                    final byte[] out = new byte[length - (to - from)];
                    System.arraycopy(in, 0, out, 0, from);
                    System.arraycopy(in, to, out, from, length - to);
                    return out;
                }
                case DUPLICATE:
                {
                    if (length == 0)
                    {
                        return in;
                    }
                    final int from = at % length;
                    final int to = Math.min(length, from + 1 + Math.floorMod(value, 16));
                    return insert(in, to, Arrays.copyOfRange(in, from, to));
                }
                case INSERT_TOKEN:
                    return dictionary.isEmpty() ? in
                        : insert(in, at % (length + 1), dictionary.get(Math.floorMod(value, dictionary.size())));
                case INT_LITTLE_ENDIAN:
                case INT_BIG_ENDIAN:
                case SHORT_BIG_ENDIAN:
                {
                    final int width = kind == Kind.SHORT_BIG_ENDIAN ? 2 : 4;
                    if (length < width)
                    {
                        return in;
                    }
                    final byte[] out = in.clone();
                    final int from = at % (length - width + 1);
                    final int n = INTERESTING[Math.floorMod(value, INTERESTING.length)];
                    for (int i = 0; i < width; i++)
                    {
                        final int shift = kind == Kind.INT_LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
                        out[from + i] = (byte)(n >>> shift);
                    }
                    return out;
                }
                default:
                    throw new IllegalStateException("no mutation " + kind);
            }
        }

        private static byte[] insert(final byte[] in, final int at, final byte[] token)
        {
            final byte[] out = new byte[in.length + token.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(token, 0, out, at, token.length);
            System.arraycopy(in, at, out, at + token.length, in.length - at);
            return out;
        }
    }

    /** One to four mutations. */
    public static Arbitrary<List<Mutation>> mutations()
    {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers())
            .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    /** {@code valid} damaged by {@code mutations}, in order. */
    public static byte[] apply(final byte[] valid, final List<Mutation> mutations, final List<byte[]> dictionary)
    {
        byte[] bytes = valid;
        for (final Mutation m : mutations)
        {
            bytes = m.apply(bytes, dictionary);
        }
        return bytes;
    }

    /**
     * Inputs for a decoder: mostly valid encodings with one to four mutations, some untouched (so the
     * property also sees what must decode), some plain random bytes up to {@code maxRandom} long.
     */
    public static Arbitrary<byte[]> bytes(final Arbitrary<byte[]> valid, final List<byte[]> dictionary, final int maxRandom)
    {
        final Arbitrary<byte[]> mutated = Combinators.combine(valid, mutations()).as((v, ms) -> apply(v, ms, dictionary));
        final Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxRandom);
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(16, mutated),
            net.jqwik.api.Tuple.of(2, valid),
            net.jqwik.api.Tuple.of(2, random));
    }

    /** Text tokens as UTF-8, for {@link Kind#INSERT_TOKEN} in text formats. */
    public static List<byte[]> tokens(final String... tokens)
    {
        return Arrays.stream(tokens).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Runs {@code decode} on the decoding thread and says whether it decoded or refused. It refused
     * when it threw one of {@code refusals} (or a subclass) with a non-blank message; anything else is
     * an {@link AssertionError} naming what happened.
     */
    @SafeVarargs
    public static Outcome decodeOrRefuse(final Decode decode, final Class<? extends Throwable>... refusals)
    {
        final Future<Throwable> result = DECODER.submit(() ->
        {
            final long thread = Thread.currentThread().getId();
            final long before = THREADS.getThreadAllocatedBytes(thread);
            Throwable thrown = null;
            try
            {
                decode.run();
            }
            catch (final Throwable t)
            {
                thrown = t;
            }
            final long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
            if (allocated > MAX_ALLOCATED_BYTES)
            {
                return new AssertionError("the decode allocated " + allocated + " bytes (limit " + MAX_ALLOCATED_BYTES
                    + "): a size taken from the input before it was checked?", thrown);
            }
            return thrown;
        });
        final Throwable thrown;
        try
        {
            thrown = result.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            result.cancel(true);
            throw new AssertionError("the decode did not finish within " + TIME_LIMIT_SECONDS + " s: a loop on hostile input?");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new AssertionError("the harness failed", ex.getCause());
        }
        if (thrown == null)
        {
            return Outcome.DECODED;
        }
        if (thrown instanceof AssertionError)
        {
            throw (AssertionError)thrown;
        }
        for (final Class<? extends Throwable> refusal : refusals)
        {
            if (refusal.isInstance(thrown))
            {
                if (thrown.getMessage() == null || thrown.getMessage().isBlank())
                {
                    throw new AssertionError("refused with " + thrown.getClass().getName() + " but no message", thrown);
                }
                return Outcome.REFUSED;
            }
        }
        throw new AssertionError("threw " + thrown + ", which is none of the decoder's refusals "
            + Arrays.stream(refusals).map(Class::getSimpleName).toList(), thrown);
    }
}
