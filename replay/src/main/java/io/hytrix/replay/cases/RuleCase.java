package io.hytrix.replay.cases;

import io.hytrix.engine.command.CommandEvent;

import java.util.List;
import java.util.Map;

/**
 * A readable regression test: {@code given} commands, applied in order to a fresh engine, and the
 * {@code expect}ed outputs (events and outcomes) of the commands from position {@code from} on.
 *
 * @param expectedHash the state hash after the last command, or null to not check it
 */
public record RuleCase(String name, List<CommandEvent> given, int from, List<Map<String, Object>> expect,
    String expectedHash)
{
}
