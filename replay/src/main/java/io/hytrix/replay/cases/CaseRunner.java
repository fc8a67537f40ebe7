package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.engine.game.EventText;
import io.hytrix.engine.game.GameEvent;
import io.hytrix.engine.game.GameHandler;
import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.util.Hash64;
import io.hytrix.replay.Replayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rule case's commands through the engine's own handler and compares what they produced with
 * what the file expects, entry by entry, reporting the first difference readably.
 */
public final class CaseRunner
{
    private static final int CONTEXT = 3;

    private CaseRunner()
    {
    }

    /** What a run produced: outputs of commands at or after {@code from}, and the final hash. */
    public record Outcome(List<Map<String, Object>> actual, String stateHash)
    {
    }

    public static Outcome run(final List<CommandEvent> given, final int from, final MapCatalog maps)
    {
        final List<Map<String, Object>> actual = new ArrayList<>();
        final EngineListener recorder = new EngineListener()
        {
            @Override
            public void onEvent(final CommandEvent cause, final GameEvent event)
            {
                if (cause.journalIndex >= from)
                {
                    final Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("index", (int)cause.journalIndex);
                    entry.put("event", event.type.wireName());
                    EventText.fields(event).forEach(f -> entry.put(f.getKey(), f.getValue()));
                    actual.add(entry);
                }
            }

            @Override
            public void onOutcome(final CommandEvent cmd)
            {
                if (cmd.journalIndex >= from)
                {
                    final Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("index", (int)cmd.journalIndex);
                    entry.put("outcome", cmd.result.name());
                    if (cmd.duplicate)
                    {
                        entry.put("duplicate", true);
                    }
                    actual.add(entry);
                }
            }
        };
        final GameHandler handler = new GameHandler(maps, Replayer.pathCache(0), recorder);
        final CommandEvent slot = new CommandEvent();
        for (int i = 0; i < given.size(); i++)
        {
            slot.copyCommandFrom(given.get(i));
            slot.journalIndex = i;
            handler.apply(slot);
        }
        return new Outcome(actual, Hash64.hex(handler.stateHash()));
    }

    /** @return null when the rule case passes, else a readable report of the first difference. */
    public static String check(final RuleCase ruleCase, final MapCatalog maps)
    {
        final Outcome outcome = run(ruleCase.given(), ruleCase.from(), maps);
        final List<Map<String, Object>> expected = ruleCase.expect();
        final List<Map<String, Object>> actual = outcome.actual();
        final int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++)
        {
            if (!same(expected.get(i), actual.get(i)))
            {
                return report(ruleCase, i, expected, actual);
            }
        }
        if (expected.size() != actual.size())
        {
            return report(ruleCase, n, expected, actual);
        }
        if (ruleCase.expectedHash() != null && !ruleCase.expectedHash().equals(outcome.stateHash()))
        {
            return ruleCase.name() + ": outputs match but stateHash is " + outcome.stateHash() + ", expected "
                + ruleCase.expectedHash();
        }
        return null;
    }

    /** Values compare as text, so 3 and "3" and an enum's name all match what the engine prints. */
    static boolean same(final Map<String, Object> expected, final Map<String, Object> actual)
    {
        if (!expected.keySet().equals(actual.keySet()))
        {
            return false;
        }
        for (final Map.Entry<String, Object> e : expected.entrySet())
        {
            if (!String.valueOf(e.getValue()).equals(String.valueOf(actual.get(e.getKey()))))
            {
                return false;
            }
        }
        return true;
    }

    private static String report(final RuleCase ruleCase, final int at, final List<Map<String, Object>> expected,
        final List<Map<String, Object>> actual)
    {
        final StringBuilder sb = new StringBuilder(ruleCase.name()).append(": output ").append(at)
            .append(" differs (expected ").append(expected.size()).append(" outputs, got ").append(actual.size()).append(")\n");
        for (int i = Math.max(0, at - CONTEXT); i < Math.max(expected.size(), actual.size()) && i <= at + CONTEXT; i++)
        {
            final String e = i < expected.size() ? CaseWriter.flow(expected.get(i)) : "(nothing)";
            final String a = i < actual.size() ? CaseWriter.flow(actual.get(i)) : "(nothing)";
            if (e.equals(a))
            {
                sb.append("    ").append(e).append('\n');
            }
            else
            {
                sb.append("  - expected: ").append(e).append('\n').append("  + actual:   ").append(a).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }
}
