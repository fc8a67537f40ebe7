package io.hytrix.service;

import io.hytrix.replay.codec.JsonText;

import java.nio.charset.StandardCharsets;

/**
 * The front door's two text helpers. JSON itself is written by Jackson ({@link AnswerJson},
 * {@link EventJson}) and read by the one command reader ({@link CommandJsonParser}).
 */
final class Json
{
    private Json()
    {
    }

    /** Constant ASCII text (a fixed answer) encoded once. */
    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Echoes at most 64 characters of a client's text in an error, so a hostile body cannot inflate the answer. */
    static String clip(final String text)
    {
        return JsonText.clip(text);
    }
}
