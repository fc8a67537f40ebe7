package io.hytrix.replay.codec;

/**
 * Why a command body was refused: a stable code ({@code MALFORMED_JSON}, {@code UNKNOWN_FIELD},
 * {@code OUT_OF_RANGE}, ...), a message that names the field and says what was wanted, and the
 * field's path ({@code [2].x} inside an array), or null when no single field is to blame.
 */
public final class CommandJsonException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public CommandJsonException(final String code, final String message, final String field)
    {
        // No stack trace: a refusal is an answer, not a fault, and hostile bodies must stay cheap.
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code()
    {
        return code;
    }

    /** The field's path in the body, or null. */
    public String field()
    {
        return field;
    }
}
