package io.hytrix.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hytrix.engine.command.CommandEvent;
import io.hytrix.journal.ChronicleCommandSource;
import io.hytrix.journal.JournalException;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a client of a faulty node was told, command by command: acknowledged (any outcome but
 * JOURNAL_UNAVAILABLE: the node says it journaled the command) or refused (not journaled, so not
 * applied, so safe to retry); then what the journal actually holds.
 */
final class AckTally
{
    final Set<Long> acknowledged = new HashSet<>();
    final Set<Long> refused = new HashSet<>();
    private long next;

    AckTally(final long firstCmdId)
    {
        this.next = firstCmdId;
    }

    /** The first of {@code count} fresh cmdIds. */
    long nextId(final int count)
    {
        final long first = next;
        next += count;
        return first;
    }

    /** Posts {@code count} joins (to a hunt that does not exist: rejected, but journaled) and records the outcomes. */
    TestServer.Answer post(final TestServer server, final int count)
    {
        final long first = nextId(count);
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            sb.append(i == 0 ? "" : ",").append(TestServer.join(first + i, 77, first + i));
        }
        return record(server.post(sb.append(']').toString()));
    }

    TestServer.Answer record(final TestServer.Answer answer)
    {
        final JsonNode json = answer.json();
        if (json.isArray())
        {
            for (final JsonNode outcome : json)
            {
                final long id = outcome.path("cmdId").asLong();
                ("JOURNAL_UNAVAILABLE".equals(outcome.path("code").asText()) ? refused : acknowledged).add(id);
            }
        }
        return answer;
    }

    /** The cmdIds in the journal, each checked to be there once; null when the journal cannot be read to its end. */
    static Set<Long> journaled(final Path journal)
    {
        final Set<Long> ids = new HashSet<>();
        try (ChronicleCommandSource source = ChronicleCommandSource.open(journal))
        {
            final CommandEvent cmd = new CommandEvent();
            while (source.next(cmd))
            {
                if (!ids.add(cmd.cmdId))
                {
                    throw new AssertionError("cmdId " + cmd.cmdId + " is journaled twice in " + journal);
                }
            }
        }
        catch (final JournalException ex)
        {
            return null;
        }
        return ids;
    }

    /** Acknowledged commands the journal lacks. */
    long lost(final Set<Long> journaled)
    {
        return acknowledged.stream().filter(id -> !journaled.contains(id)).count();
    }

    /** Refused commands the journal holds anyway (a replay would apply what the client was told was not). */
    long refusedButJournaled(final Set<Long> journaled)
    {
        return refused.stream().filter(journaled::contains).count();
    }
}
