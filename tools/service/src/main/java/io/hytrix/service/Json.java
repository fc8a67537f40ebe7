package io.hytrix.service;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Writes JSON straight into a {@link ByteBuf}: numbers digit by digit and constant text from
 * pre-encoded bytes, so formatting an answer on the egress thread allocates nothing but the buffer.
 * Output is pure ASCII (anything else is escaped), so byte length equals character length.
 */
final class Json
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    /** Scratch for digits, per writing thread (the egress thread, or a Netty event loop for errors). */
    private static final ThreadLocal<byte[]> DIGITS = ThreadLocal.withInitial(() -> new byte[20]);

    private Json()
    {
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static void raw(final ByteBuf out, final byte[] bytes)
    {
        out.writeBytes(bytes);
    }

    /** Text known to be plain ASCII without quotes or backslashes (enum names, wire names). */
    static void plain(final ByteBuf out, final CharSequence text)
    {
        for (int i = 0, n = text.length(); i < n; i++)
        {
            out.writeByte(text.charAt(i));
        }
    }

    static void number(final ByteBuf out, final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            out.writeBytes(MIN_LONG);
            return;
        }
        long v = value;
        if (v < 0)
        {
            out.writeByte('-');
            v = -v;
        }
        final byte[] digits = DIGITS.get();
        int at = digits.length;
        do
        {
            digits[--at] = (byte)('0' + (v % 10));
            v /= 10;
        }
        while (v != 0);
        out.writeBytes(digits, at, digits.length - at);
    }

    /** A 64-bit value as exactly 16 lower-case hex digits, quoted (how state hashes are shown everywhere). */
    static void hex16(final ByteBuf out, final long value)
    {
        out.writeByte('"');
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            out.writeByte(HEX[(int)(value >>> shift) & 0xF]);
        }
        out.writeByte('"');
    }

    /** A quoted, escaped JSON string; anything outside printable ASCII becomes a {@code \\uXXXX} escape. */
    static void string(final ByteBuf out, final CharSequence text)
    {
        out.writeByte('"');
        for (int i = 0, n = text.length(); i < n; i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.writeByte('\\').writeByte(c);
            }
            else if (c >= 0x20 && c < 0x7f)
            {
                out.writeByte(c);
            }
            else
            {
                out.writeByte('\\').writeByte('u')
                    .writeByte(HEX[(c >> 12) & 0xF]).writeByte(HEX[(c >> 8) & 0xF])
                    .writeByte(HEX[(c >> 4) & 0xF]).writeByte(HEX[c & 0xF]);
            }
        }
        out.writeByte('"');
    }

    static void string(final ByteBuf out, final byte[] ascii, final int length)
    {
        out.writeByte('"');
        for (int i = 0; i < length; i++)
        {
            final int c = ascii[i] & 0xFF;
            if (c == '"' || c == '\\')
            {
                out.writeByte('\\');
            }
            out.writeByte(c);
        }
        out.writeByte('"');
    }

    /** Echoes at most this much of a client's text in an error, so a hostile body cannot inflate the answer. */
    static String clip(final String text)
    {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
