package io.hytrix.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verb's arguments: {@code --name value} options (each declared by the verb), {@code --flag}
 * switches, and positionals. Anything undeclared or malformed is a {@link UsageException}.
 */
public final class Args
{
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final boolean help;

    private Args(final boolean help)
    {
        this.help = help;
    }

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     */
    public static Args parse(final String[] argv, final int from, final Set<String> valued, final Set<String> flags)
    {
        boolean help = false;
        for (int i = from; i < argv.length; i++)
        {
            help |= "--help".equals(argv[i]) || "-h".equals(argv[i]);
        }
        final Args args = new Args(help);
        if (help)
        {
            return args;
        }
        for (int i = from; i < argv.length; i++)
        {
            final String arg = argv[i];
            if (arg.startsWith("--"))
            {
                final int eq = arg.indexOf('=');
                final String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (flags.contains(name) && eq < 0)
                {
                    args.options.put(name, "true");
                }
                else if (valued.contains(name))
                {
                    if (eq >= 0)
                    {
                        args.options.put(name, arg.substring(eq + 1));
                    }
                    else if (i + 1 < argv.length)
                    {
                        args.options.put(name, argv[++i]);
                    }
                    else
                    {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                }
                else
                {
                    throw new UsageException("unknown option " + arg);
                }
            }
            else
            {
                args.positionals.add(arg);
            }
        }
        return args;
    }

    public boolean help()
    {
        return help;
    }

    public boolean flag(final String name)
    {
        return options.containsKey(name);
    }

    public String string(final String name, final String fallback)
    {
        return options.getOrDefault(name, fallback);
    }

    public long longValue(final String name, final long fallback, final long min, final long max)
    {
        final String text = options.get(name);
        if (text == null)
        {
            return fallback;
        }
        final long value;
        try
        {
            value = Long.parseLong(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max)
        {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public int intValue(final String name, final int fallback, final int min, final int max)
    {
        return (int)longValue(name, fallback, min, max);
    }

    /** Exactly {@code count} positionals, named for the error message. */
    public List<String> positionals(final String... names)
    {
        if (positionals.size() != names.length)
        {
            throw new UsageException("expected " + String.join(" ", names) + " but got "
                + (positionals.isEmpty() ? "nothing" : String.join(" ", positionals)));
        }
        return positionals;
    }

    /** At most one positional (an optional argument), named for the error message. */
    public List<String> positionalsAtMostOne(final String name)
    {
        if (positionals.size() > 1)
        {
            throw new UsageException("expected at most one " + name + " but got " + String.join(" ", positionals));
        }
        return positionals;
    }

    /** One or more positionals, named for the error message. */
    public List<String> positionalsAtLeastOne(final String name)
    {
        if (positionals.isEmpty())
        {
            throw new UsageException("expected " + name + "... but got nothing");
        }
        return positionals;
    }

    /** A positional naming a file or directory that must exist and be readable. */
    public static Path readable(final String text, final boolean directory)
    {
        final Path path = Path.of(text);
        if (!Files.exists(path))
        {
            throw new UsageException((directory ? "directory" : "file") + " not found: " + text);
        }
        if (directory != Files.isDirectory(path))
        {
            throw new UsageException(text + (directory ? " is not a directory" : " is a directory, not a file"));
        }
        if (!Files.isReadable(path))
        {
            throw new UsageException("cannot read " + text + ": permission denied");
        }
        return path;
    }
}
