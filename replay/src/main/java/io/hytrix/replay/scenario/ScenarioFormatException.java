package io.hytrix.replay.scenario;

/** A scenario file that cannot be read: the message names the file and the entry. */
public final class ScenarioFormatException extends IllegalArgumentException
{
    public ScenarioFormatException(final String message)
    {
        super(message);
    }
}
