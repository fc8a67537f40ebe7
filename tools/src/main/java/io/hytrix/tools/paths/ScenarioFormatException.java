package io.hytrix.tools.paths;

/** A malformed or inconsistent scenario file; the message is one line, {@code <file>:<line>: <problem>}. */
public final class ScenarioFormatException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public ScenarioFormatException(final String source, final int line, final String problem)
    {
        super(source + ':' + line + ": " + problem);
    }
}
