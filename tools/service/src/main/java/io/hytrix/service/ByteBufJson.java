package io.hytrix.service;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hytrix.replay.codec.JsonText;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One Jackson generator per writing thread (the egress thread, or a Netty event loop for refusals),
 * reused value after value and pointed at whichever {@link ByteBuf} the answer goes to, so formatting
 * allocates nothing but the buffer. Each value is flushed into the buffer at {@link #end}, so other
 * bytes (commas between answers, SSE framing, events already written) can be put between values.
 * A generator left mid-value by a failure is replaced rather than reused.
 */
final class ByteBufJson extends OutputStream
{
    private static final ThreadLocal<ByteBufJson> PER_THREAD = ThreadLocal.withInitial(ByteBufJson::new);

    private JsonGenerator generator;
    private ByteBuf out;

    private ByteBufJson()
    {
        generator = create(this);
    }

    /** Writes one JSON value from {@code value}; a static method reference allocates nothing. */
    @FunctionalInterface
    interface Body<T>
    {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** Writes {@code body}'s value for {@code value} into {@code out} with this thread's generator. */
    static <T> void write(final ByteBuf out, final T value, final Body<T> body)
    {
        final ByteBufJson sink = begin(out);
        try
        {
            body.write(sink.generator, value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            sink.end();
        }
    }

    /** This thread's generator, now writing into {@code out}; finish with {@link #end}. */
    static ByteBufJson begin(final ByteBuf out)
    {
        final ByteBufJson sink = PER_THREAD.get();
        if (!sink.generator.getOutputContext().inRoot() || sink.generator.getOutputBuffered() > 0)
        {
            sink.generator = create(sink);
        }
        sink.out = out;
        return sink;
    }

    /** Call {@code flush()} on it before writing into the buffer directly mid-value. */
    JsonGenerator generator()
    {
        return generator;
    }

    /** Flushes the value into the buffer and lets the buffer go. */
    void end()
    {
        try
        {
            generator.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            out = null;
        }
    }

    @Override
    public void write(final int b)
    {
        out.writeByte(b);
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length)
    {
        out.writeBytes(bytes, offset, length);
    }

    private static JsonGenerator create(final OutputStream sink)
    {
        try
        {
            return JsonText.FACTORY.createGenerator(sink);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
