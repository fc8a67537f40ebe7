package io.hytrix.engine.command;

/**
 * The text codec of commands, from {@link CommandType} and {@link CommandField}: the one-line form
 * for logs and error messages, and the YAML forms the dump and rule cases print. Never the hot path.
 * The JSON form walks the same tables.
 */
public final class CommandText
{
    /** The two names every command carries besides its type's fields, in every format. */
    public static final String TYPE = "type";
    public static final String CMD_ID = "cmdId";

    private CommandText()
    {
    }

    /** e.g. {@code travel{cmdId=3, actorId=7, x=4, y=9}}. */
    public static String describe(final CommandEvent cmd)
    {
        if (cmd.type == null)
        {
            return "command{" + CMD_ID + "=" + cmd.cmdId + ", " + TYPE + "=?}";
        }
        final StringBuilder sb = new StringBuilder(64).append(cmd.type.wireName()).append('{');
        return appendFields(sb, cmd, ", ", "=", false).append('}').toString();
    }

    /**
     * Appends {@code type: T<sep>cmdId: C<sep>field: value...} as YAML mapping entries.
     * @param separator {@code ", "} inside a flow map, a newline and indent in a block
     * @param quoteMap  double-quote the map name, so no name can read back as another YAML scalar
     */
    public static StringBuilder yaml(final StringBuilder sb, final CommandEvent cmd, final String separator,
        final boolean quoteMap)
    {
        sb.append(TYPE).append(": ").append(cmd.type.wireName()).append(separator);
        return appendFields(sb, cmd, separator, ": ", quoteMap);
    }

    /** A YAML/JSON double-quoted string: backslashes and quotes escaped (the text is otherwise printable). */
    public static String quoted(final String text)
    {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code cmdId<assign>C}, then each field of the type, all joined by {@code separator}. */
    private static StringBuilder appendFields(final StringBuilder sb, final CommandEvent cmd, final String separator,
        final String assign, final boolean quoteMap)
    {
        sb.append(CMD_ID).append(assign).append(cmd.cmdId);
        for (int i = 0; i < cmd.type.fieldCount(); i++)
        {
            final CommandField field = cmd.type.field(i);
            final String value = field.format(cmd);
            sb.append(separator).append(field.wireName()).append(assign)
                .append(quoteMap && field == CommandField.MAP ? quoted(value) : value);
        }
        return sb;
    }
}
