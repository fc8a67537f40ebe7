package io.hytrix.replay;

import io.hytrix.engine.util.Hash64;

/**
 * What a replay ends with: the state hash and the counts a script compares ({@code commands} and
 * {@code events} include what a starting snapshot covered; {@code applied} is what this replay ran).
 */
public record ReplayResult(long stateHash, long commands, long events, long applied, long nanos)
{
    /** The line every verb that replays prints last: {@code stateHash=<16 hex> commands=<n> events=<n>}. */
    public String lastLine()
    {
        return "stateHash=" + Hash64.hex(stateHash) + " commands=" + commands + " events=" + events;
    }

    /** Commands this replay applied per second (a snapshot's commands are not counted). */
    public double commandsPerSecond()
    {
        return nanos == 0 ? 0 : applied * 1e9 / nanos;
    }
}
