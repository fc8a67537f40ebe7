package io.hytrix.replay;

import io.hytrix.engine.util.Hash64;

/** What a replay ends with: the state hash and the counts a script compares. */
public record ReplayResult(long stateHash, long commands, long events, long nanos)
{
    /** The line every verb that replays prints last: {@code stateHash=<16 hex> commands=<n> events=<n>}. */
    public String lastLine()
    {
        return "stateHash=" + Hash64.hex(stateHash) + " commands=" + commands + " events=" + events;
    }

    public double commandsPerSecond()
    {
        return nanos == 0 ? 0 : commands * 1e9 / nanos;
    }
}
