package io.hytrix.replay;

import io.hytrix.engine.map.MapCatalog;
import io.hytrix.engine.util.Hash64;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays two journals in lockstep and reports the first entry where the command, its outcome or
 * its events differ, with both sides side by side and the involved actors' state field by field.
 */
public final class JournalDiff
{
    private JournalDiff()
    {
    }

    /** @return true when identical; prints {@code identical commands=<n>} or the divergence report. */
    public static boolean diff(final Path a, final Path b, final MapCatalog mapsA, final MapCatalog mapsB,
        final PrintStream out)
    {
        try (JournalStepper left = new JournalStepper(a, mapsA); JournalStepper right = new JournalStepper(b, mapsB))
        {
            long index = 0;
            while (true)
            {
                final boolean hasLeft = left.step();
                final boolean hasRight = right.step();
                if (!hasLeft && !hasRight)
                {
                    final long ha = left.handler().stateHash();
                    final long hb = right.handler().stateHash();
                    if (ha != hb)
                    {
                        out.println("same commands, outcomes and events, but the state hashes differ: A "
                            + Hash64.hex(ha) + ", B " + Hash64.hex(hb));
                        return false;
                    }
                    out.println("identical commands=" + index);
                    return true;
                }
                if (hasLeft != hasRight)
                {
                    out.println("first divergent journal index: " + index);
                    out.println((hasLeft ? "B" : "A") + " ends here; " + (hasLeft ? "A" : "B") + " continues with "
                        + (hasLeft ? left : right).command());
                    return false;
                }
                if (!same(left, right))
                {
                    report(index, left, right, out);
                    return false;
                }
                index++;
            }
        }
    }

    private static boolean same(final JournalStepper left, final JournalStepper right)
    {
        return left.command().toString().equals(right.command().toString())
            && left.outcome().equals(right.outcome())
            && left.events().equals(right.events());
    }

    private static void report(final long index, final JournalStepper left, final JournalStepper right,
        final PrintStream out)
    {
        out.println("first divergent journal index: " + index);
        out.println(SideBySide.render("A", side(left), "B", side(right)));
        final Set<Long> actors = new LinkedHashSet<>(left.actorsInvolved());
        actors.addAll(right.actorsInvolved());
        if (!actors.isEmpty())
        {
            out.println("actors involved, after this command:");
            for (final long actor : actors)
            {
                out.println(StateDiff.actor(actor, left.handler(), right.handler()));
            }
        }
    }

    private static List<String> side(final JournalStepper s)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("command: " + s.command());
        lines.add("outcome: " + s.outcome());
        lines.add("events:" + (s.events().isEmpty() ? " []" : ""));
        s.events().forEach(e -> lines.add("  - " + e));
        return lines;
    }
}
