package io.hytrix.cli;

import java.io.PrintStream;

/** One {@code ./hytrix} verb. */
public interface Verb
{
    String name();

    /** One line for the verb list. */
    String summary();

    /** The full {@code --help} text. */
    String usage();

    /** @return the process exit code. */
    int run(String[] argv, PrintStream out) throws Exception;
}
