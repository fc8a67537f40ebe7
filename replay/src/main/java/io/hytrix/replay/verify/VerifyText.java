package io.hytrix.replay.verify;

import io.hytrix.engine.game.Subsystem;
import io.hytrix.replay.SideBySide;
import io.hytrix.replay.StateDiff;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a {@link VerifyReport}: briefly for {@code replay --verify}, in full for {@code diff --recorded}. */
public final class VerifyText
{
    private VerifyText()
    {
    }

    /** What {@code replay --verify} prints: one line when identical, else where and what differs. */
    public static void summary(final VerifyReport r, final Path outputs, final PrintStream out)
    {
        if (r.identical())
        {
            out.println("verified " + r.commands() + " commands and " + r.checksums() + " checksums against " + outputs
                + ": identical" + tail(r));
            return;
        }
        out.println("verified " + r.commands() + " commands and " + r.checksums() + " checksums against " + outputs
            + ": DIFFERENT");
        if (r.output() != null)
        {
            out.println("first output difference: journal index " + r.output().journalIndex() + " (tick "
                + r.output().tick() + "): " + r.output().command() + "; see ./hytrix diff JOURNAL --recorded");
        }
        checksum(r, out);
        problem(r, out);
    }

    /** What {@code diff JOURNAL --recorded} prints: the journal diff's shape, recorded against replayed. */
    public static void diff(final VerifyReport r, final PrintStream out)
    {
        if (r.identical())
        {
            out.println("identical commands=" + r.commands() + tail(r));
            return;
        }
        final VerifyReport.OutputDifference d = r.output();
        if (d != null)
        {
            out.println("first divergent journal index: " + d.journalIndex() + " (tick " + d.tick() + ")");
            out.println("command: " + d.command());
            out.println(SideBySide.render("recorded (live)", d.recorded(), "replayed (this build)", d.replayed()));
            if (!d.actors().isEmpty())
            {
                out.println("actors involved, replayed state after this command (the outputs hold hashes, not actor state):");
                for (final Map.Entry<Long, String> actor : d.actors().entrySet())
                {
                    out.println("  actor " + actor.getKey() + ":");
                    StateDiff.fields(actor.getValue()).forEach((field, value) -> out.println("    " + field + ": " + value));
                }
            }
        }
        checksum(r, out);
        problem(r, out);
    }

    private static void checksum(final VerifyReport r, final PrintStream out)
    {
        final VerifyReport.ChecksumDifference c = r.checksum();
        if (c == null)
        {
            out.println("checksums: all " + r.checksums() + " compared are equal");
            return;
        }
        final List<String> same = new ArrayList<>();
        final List<String> differ = new ArrayList<>();
        for (final Subsystem s : Subsystem.all())
        {
            (c.differing().contains(s) ? differ : same).add(s.label());
        }
        out.println("first checksum difference: tick " + c.tick() + " (journal index " + c.journalIndex() + "): "
            + String.join(", ", differ) + " differ" + (same.isEmpty() ? "" : "; " + String.join(", ", same) + " equal"));
        c.detail().lines().forEach(line -> out.println("  " + line));
    }

    private static void problem(final VerifyReport r, final PrintStream out)
    {
        if (r.problem() != null)
        {
            out.println("stopped: " + r.problem());
        }
    }

    private static String tail(final VerifyReport r)
    {
        return r.unrecordedTail() > 0 ? " (the journal's last " + r.unrecordedTail() + " entries have no records: not checked)" : "";
    }
}
