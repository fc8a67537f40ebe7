package io.hytrix.engine.map;

/** A map source that does not follow the format; the message is one line, {@code <source>:<line>: <problem>}. */
public final class MapFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    public MapFormatException(final String source, final int line, final String problem)
    {
        super(source + ':' + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source()
    {
        return source;
    }

    /** 1-based line the problem was found on. */
    public int line()
    {
        return line;
    }

    public String problem()
    {
        return problem;
    }
}
