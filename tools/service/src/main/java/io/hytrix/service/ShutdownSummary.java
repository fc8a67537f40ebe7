package io.hytrix.service;

import io.hytrix.engine.util.Hash64;

/** What a stopped node leaves: the engine's final state hash and journaled command count. */
public record ShutdownSummary(long stateHash, long commands)
{
    /** The last line {@code ./hytrix serve} prints; {@code ./hytrix replay} of the journal prints the same hash. */
    public String lastLine()
    {
        return "stateHash=" + Hash64.hex(stateHash) + " commands=" + commands;
    }
}
