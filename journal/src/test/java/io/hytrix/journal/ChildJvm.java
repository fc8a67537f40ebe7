package io.hytrix.journal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class of this test classpath in a child JVM with the flags Chronicle Queue needs (those of
 * this JVM), for tests that must let a process die mid-write or run the service as its own process.
 */
public final class ChildJvm
{
    private ChildJvm()
    {
    }

    /** The JVM flags this JVM was given that Chronicle needs (surefire's argLine: the parent pom's hytrix.jvm.flags). */
    public static List<String> flags()
    {
        final List<String> flags = new ArrayList<>();
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-exports") || arg.startsWith("--add-opens") || arg.startsWith("-Dchronicle."))
            {
                flags.add(arg);
            }
        }
        if (flags.stream().noneMatch(f -> f.startsWith("--add-opens")))
        {
            // Started some other way (the script runs this from surefire, which passes them): the launcher's list.
            flags.addAll(List.of("-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Dchronicle.disk.monitor.disable=true",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
        }
        return flags;
    }

    /** Starts {@code mainClass args} with stdout and stderr going to {@code log}. */
    public static Process start(final Path log, final String mainClass, final List<String> args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(flags());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
