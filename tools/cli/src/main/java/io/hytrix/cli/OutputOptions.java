package io.hytrix.cli;

import io.hytrix.service.OutputSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The command-line options of {@link OutputSettings}, shared by {@code demo} and {@code serve}. */
public final class OutputOptions
{
    public static final Set<String> VALUED = Set.of("outputs", "checksum-every-ticks");
    public static final Set<String> FLAGS = Set.of("no-outputs");
    public static final List<String> USAGE = List.of(
        "  --outputs DIR            record every outcome, event and checksum here (default: <journal>.outputs",
        "                           beside the journal); ./hytrix replay JOURNAL --verify checks them",
        "  --no-outputs             record no outputs",
        "  --checksum-every-ticks N record the state hash by subsystem after every N-th tick (default "
            + OutputSettings.DEFAULT_CHECKSUM_EVERY_TICKS + "; 0: none)");

    private OutputOptions()
    {
    }

    public static OutputSettings parse(final Args args, final Path journal)
    {
        if (args.flag("no-outputs"))
        {
            return OutputSettings.OFF;
        }
        final String dir = args.string("outputs", null);
        return new OutputSettings(dir == null ? OutputSettings.besideJournal(journal).directory() : Path.of(dir),
            args.intValue("checksum-every-ticks", OutputSettings.DEFAULT_CHECKSUM_EVERY_TICKS, 0, Integer.MAX_VALUE));
    }

    /** The options' names, for {@link Args#parse}: {@code base} plus these. */
    public static Set<String> with(final Set<String> base, final Set<String> extra)
    {
        final java.util.HashSet<String> all = new java.util.HashSet<>(base);
        all.addAll(extra);
        return Set.copyOf(all);
    }
}
