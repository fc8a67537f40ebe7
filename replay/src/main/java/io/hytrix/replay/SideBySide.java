package io.hytrix.replay;

import java.util.List;

/** Two columns of text, marked with {@code |} where the lines are equal and {@code ≠} where they differ. */
public final class SideBySide
{
    private SideBySide()
    {
    }

    public static String render(final String leftTitle, final List<String> left, final String rightTitle,
        final List<String> right)
    {
        int width = leftTitle.length();
        for (final String line : left)
        {
            width = Math.max(width, line.length());
        }
        final StringBuilder sb = new StringBuilder();
        sb.append(pad(leftTitle, width)).append("   ").append(rightTitle).append('\n');
        for (int i = 0; i < Math.max(left.size(), right.size()); i++)
        {
            final String l = i < left.size() ? left.get(i) : "";
            final String r = i < right.size() ? right.get(i) : "";
            sb.append(pad(l, width)).append(l.equals(r) ? " | " : " ≠ ").append(r).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(final String text, final int width)
    {
        return text + " ".repeat(width - text.length());
    }
}
