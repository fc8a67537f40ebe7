package io.hytrix.cli;

import io.hytrix.replay.SideBySide;
import io.hytrix.replay.StateDiff;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal through this build and through another build's jar. Both sides run the
 * {@code replay --events-out --outcomes} verb in a child JVM, so neither build's classes meet; the
 * two streams are compared line by line, then the involved actor's state is asked of both.
 */
final class TwoBuildDiff
{
    private TwoBuildDiff()
    {
    }

    static boolean diff(final Path journal, final Path otherJar, final Path maps, final PrintStream out)
        throws IOException, InterruptedException
    {
        final Path thisJar = Path.of(TwoBuildDiff.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        final Path work = Files.createTempDirectory("hytrix-diff");
        try
        {
            final List<String> mine = events(thisJar, journal, maps, work.resolve("this.jsonl"));
            final List<String> theirs = events(otherJar, journal, maps, work.resolve("other.jsonl"));
            final int n = Math.min(mine.size(), theirs.size());
            for (int i = 0; i < n; i++)
            {
                if (!mine.get(i).equals(theirs.get(i)))
                {
                    final long index = indexOf(mine.get(i));
                    out.println("first divergent journal index: " + index);
                    out.println(SideBySide.render("this build", linesAt(mine, index), "other build (" + otherJar + ")",
                        linesAt(theirs, index)));
                    final long actor = actorOf(mine.get(i), theirs.get(i));
                    if (actor != 0)
                    {
                        out.println("actor involved, after this command (A = this build, B = other build):");
                        out.println(StateDiff.actor(actor, state(thisJar, journal, maps, index, actor),
                            state(otherJar, journal, maps, index, actor)));
                    }
                    return false;
                }
            }
            if (mine.size() != theirs.size())
            {
                out.println("one side stops early: this build " + mine.size() + " lines, other build " + theirs.size());
                return false;
            }
            final String a = lastLine(work.resolve("this.jsonl.out"));
            final String b = lastLine(work.resolve("other.jsonl.out"));
            if (!a.equals(b))
            {
                out.println("same events and outcomes, different final state: this build " + a + ", other build " + b);
                return false;
            }
            out.println("identical " + a.replaceAll(".*(commands=\\d+).*", "$1"));
            return true;
        }
        finally
        {
            try (var files = Files.list(work))
            {
                for (final Path p : (Iterable<Path>)files::iterator)
                {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static List<String> events(final Path jar, final Path journal, final Path maps, final Path file)
        throws IOException, InterruptedException
    {
        final List<String> args = new ArrayList<>(List.of("replay", journal.toString(), "--events-out", file.toString(),
            "--outcomes"));
        if (maps != null)
        {
            args.addAll(List.of("--maps", maps.toString()));
        }
        run(jar, args, file.resolveSibling(file.getFileName() + ".out"));
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String state(final Path jar, final Path journal, final Path maps, final long index, final long actor)
        throws IOException, InterruptedException
    {
        final Path out = Files.createTempFile("hytrix-state", ".txt");
        try
        {
            final List<String> args = new ArrayList<>(List.of("replay", journal.toString(), "--from", Long.toString(index),
                "--to", Long.toString(index), "--actor", Long.toString(actor)));
            if (maps != null)
            {
                args.addAll(List.of("--maps", maps.toString()));
            }
            run(jar, args, out);
            return Files.readAllLines(out).stream().filter(l -> l.startsWith("  state: ")).map(l -> l.substring(9))
                .findFirst().orElse("(not traced)");
        }
        finally
        {
            Files.deleteIfExists(out);
        }
    }

    private static void run(final Path jar, final List<String> verbArgs, final Path stdout)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-jar", jar.toString()));
        command.addAll(verbArgs);
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final int exit = process.waitFor();
        if (exit != 0)
        {
            throw new UsageException(jar + " failed (exit " + exit + ") replaying: " + String.join(" ", verbArgs));
        }
    }

    private static List<String> linesAt(final List<String> lines, final long index)
    {
        final String prefix = "{\"index\":" + index + ",";
        final List<String> at = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.startsWith(prefix))
            {
                at.add(line);
            }
        }
        return at;
    }

    private static long indexOf(final String line)
    {
        return Long.parseLong(line.replaceAll("^\\{\"index\":(\\d+),.*", "$1"));
    }

    private static long actorOf(final String a, final String b)
    {
        for (final String line : new String[] { a, b })
        {
            final java.util.regex.Matcher m = java.util.regex.Pattern.compile("actorId(?:\":|=)(-?\\d+)").matcher(line);
            if (m.find())
            {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }

    private static String lastLine(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
