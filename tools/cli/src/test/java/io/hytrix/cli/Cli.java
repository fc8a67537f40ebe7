package io.hytrix.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a verb in-process and captures what it printed. */
record Cli(int exit, String out, String err)
{
    static Cli run(final String... argv)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String lastLine()
    {
        final String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    String hash()
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("stateHash=([0-9a-f]{16})").matcher(out);
        String last = null;
        while (m.find())
        {
            last = m.group(1);
        }
        return last;
    }
}
