package io.hytrix.cli.paths;

/** A malformed or inconsistent scenario file; the message is one line, {@code <file>:<line>: <problem>}. */
public final class MovingAiScenarioException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public MovingAiScenarioException(final String source, final int line, final String problem)
    {
        super(source + ':' + line + ": " + problem);
    }
}
