package io.hytrix.engine.command;

/** Human-readable one-line rendering of commands, for logs and error messages (never the hot path). */
public final class CommandText
{
    private CommandText()
    {
    }

    public static String describe(final CommandEvent cmd)
    {
        if (cmd.type == null)
        {
            return "command{cmdId=" + cmd.cmdId + ", type=?}";
        }
        final StringBuilder sb = new StringBuilder(64).append(cmd.type.wireName()).append("{cmdId=").append(cmd.cmdId);
        for (int i = 0; i < cmd.type.fieldCount(); i++)
        {
            final CommandField field = cmd.type.field(i);
            sb.append(", ").append(field.wireName()).append('=').append(field.format(cmd));
        }
        return sb.append('}').toString();
    }
}
