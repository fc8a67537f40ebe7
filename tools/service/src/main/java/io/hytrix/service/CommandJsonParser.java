package io.hytrix.service;

import io.hytrix.replay.codec.CommandJsonException;
import io.hytrix.replay.codec.CommandJsonReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.InputStream;

/**
 * A request body's commands, through the one command JSON reader ({@link CommandJsonReader}), with
 * its refusals as the gateway's errors: too many commands is 413, anything else 400. Clients may not
 * post ticks. One per Netty event loop (the reader keeps scratch).
 */
final class CommandJsonParser
{
    private final CommandJsonReader reader;

    /** @param maxCommands the most commands one request may carry (never more than the ring holds). */
    CommandJsonParser(final int maxCommands)
    {
        this.reader = new CommandJsonReader(maxCommands, false);
    }

    /** Fills {@code batch} from {@code body} or throws the error to answer with. */
    void parse(final ByteBuf body, final CommandBatch batch) throws GatewayError
    {
        try
        {
            reader.read((InputStream)new ByteBufInputStream(body.duplicate()), batch);
        }
        catch (final CommandJsonException ex)
        {
            final HttpResponseStatus status = "TOO_MANY_COMMANDS".equals(ex.code())
                ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
            throw new GatewayError(status, ex.code(), ex.getMessage(), ex.field());
        }
    }
}
