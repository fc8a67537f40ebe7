package io.hytrix.service;

import io.hytrix.engine.command.CommandEvent;
import io.hytrix.engine.game.EngineListener;
import io.hytrix.journal.ChildJvm;
import io.hytrix.journal.ChronicleJournal;
import io.hytrix.journal.JournalException;
import io.hytrix.journal.JournalMaintenance;
import io.hytrix.journal.Journals;
import io.hytrix.replay.ReplayResult;
import io.hytrix.replay.Replayer;
import io.hytrix.replay.ShippedMaps;
import io.hytrix.replay.verify.OutputVerifier;
import io.hytrix.replay.verify.VerifyReport;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults an operator meets, each on a real node with its journal on a small real file system, with
 * a client that remembers every answer. After each scenario the journal must hold every acknowledged
 * command once and no refused one, replay to the state the node reported, and be readable to its end.
 * Every scenario runs {@code rounds} times with different batch sizes.
 */
final class FaultHarness
{
    /** One scenario's tally; a healthy run has zeros everywhere but {@code acknowledged}. */
    record Result(String scenario, long acknowledged, long lost, long appliedUnjournaled, long unreadable,
        long refusedButJournaled, String note)
    {
    }

    private final Path work;
    private final Consumer<String> log;
    private final List<Result> results = new ArrayList<>();
    private long nextCmdId = 1;

    FaultHarness(final Path work, final Consumer<String> log)
    {
        this.work = work;
        this.log = log;
    }

    List<Result> run(final int rounds) throws Exception
    {
        for (int round = 0; round < rounds; round++)
        {
            final int batch = 1_000 + 1_500 * (round % 4);
            diskFullUnderLoadThenFreed(batch);
            outputsFailAlone(batch);
            damagedCycleFileAtStart(batch);
            readOnlyFileSystemAtStart(batch);
            appendFaultWithoutWatermark(batch);
        }
        return results;
    }

    /** The summary line scripts read. */
    String summary()
    {
        return "fault-harness: scenarios=" + results.size()
            + " acknowledged=" + results.stream().mapToLong(Result::acknowledged).sum()
            + " lost=" + results.stream().mapToLong(Result::lost).sum()
            + " applied-unjournaled=" + results.stream().mapToLong(Result::appliedUnjournaled).sum()
            + " unreadable-journals=" + results.stream().mapToLong(Result::unreadable).sum();
    }

    /**
     * Load until the journal's disk is below the watermark (503 JOURNAL_UNAVAILABLE at the door, before
     * any append fails), some more refused load, then space comes back and writes resume by themselves.
     */
    private void diskFullUnderLoadThenFreed(final int batch) throws Exception
    {
        try (SmallDisk disk = SmallDisk.mount(work, 12))
        {
            final Path journal = disk.resolve("journal");
            disk.fill(6);
            final AckTally tally = tally();
            final ShutdownSummary stopped;
            try (TestServer server = new TestServer(settings(journal, OutputSettings.OFF, 3L << 20)))
            {
                postUntilRefused(server, tally, batch);
                for (int i = 0; i < 3; i++)
                {
                    expect(tally.post(server, batch).status() == 503, "writes refused while the disk is low");
                }
                expect(server.get("/v1/state").status() == 200, "reads answered while the disk is low");
                expect(server.get("/metrics").body().contains("hytrix_journal_up 0"), "metrics say the journal is down");
                disk.free();
                TestServer.await("writes to resume", 20, () -> tally.post(server, 10).status() == 200);
                expect(server.get("/health").status() == 200, "healthy again");
                expect(server.get("/metrics").body().contains("hytrix_journal_up 1"), "metrics say the journal is up");
                stopped = server.service.stop();
            }
            check("disk-full-under-load-then-freed", journal, tally, stopped, "");
        }
    }

    /** The recorded outputs' disk fills; the journal's does not. Writes go on; the next start repairs the outputs. */
    private void outputsFailAlone(final int batch) throws Exception
    {
        try (SmallDisk disk = SmallDisk.mount(work, 12))
        {
            final Path journal = work.resolve("outputs-fail-" + System.nanoTime()).resolve("journal");
            final Path outputs = disk.resolve("outputs");
            disk.fill(9);
            final AckTally tally = tally();
            // The node that meets the fault runs in a process of its own, which then exits, as a real one would.
            final Path log = work.resolve("child-" + System.nanoTime() + ".log");
            final Process child = ChildJvm.start(log, ChildNode.class.getName(), List.of(journal.toString(), outputs.toString(), "serve"));
            try (TestServer server = new TestServer(urlOf(child, log), journal))
            {
                TestServer.await("the outputs' disk to fill", 120, () -> {
                    expect(tally.post(server, batch).status() == 200, "writes go on while outputs fail");
                    return server.get("/health").body().contains("degraded");
                });
                expect(tally.post(server, batch).status() == 200, "writes go on after outputs failed");
                expect(server.get("/metrics").body().contains("hytrix_outputs_up 0"), "metrics say the outputs stopped");
            }
            child.getOutputStream().close();
            final ShutdownSummary served = summaryOf(child, log);
            disk.free();
            final ShutdownSummary restarted = restartInItsOwnProcess(journal, outputs);
            expect(restarted.stateHash() == served.stateHash(), "the restart recovers the state the node stopped with");
            final VerifyReport report = new OutputVerifier(new ShippedMaps(), Replayer.pathCache(0)).run(journal, outputs, null);
            check("outputs-fail-alone", journal, tally, restarted, report.identical() && report.unrecordedTail() == 0
                ? "" : "outputs not repaired: " + report);
        }
    }

    /** The summary a node started and stopped in a new process prints (a restart after a fault is one). */
    private ShutdownSummary restartInItsOwnProcess(final Path journal, final Path outputs) throws Exception
    {
        final Path log = work.resolve("restart-" + System.nanoTime() + ".log");
        return summaryOf(ChildJvm.start(log, ChildNode.class.getName(), List.of(journal.toString(), outputs.toString(), "restart")), log);
    }

    private static String urlOf(final Process child, final Path log) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive())
        {
            final Matcher m = Pattern.compile("url=(\\S+)").matcher(Files.readString(log));
            if (m.find())
            {
                return m.group(1);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("the child node did not start: " + Files.readString(log));
    }

    private static ShutdownSummary summaryOf(final Process child, final Path log) throws Exception
    {
        expect(child.waitFor(120, TimeUnit.SECONDS) && child.exitValue() == 0, "the child node ran: " + Files.readString(log));
        final Matcher m = Pattern.compile("stateHash=([0-9a-f]{16}) commands=(\\d+)").matcher(Files.readString(log));
        expect(m.find(), "the child node printed its summary: " + Files.readString(log));
        return new ShutdownSummary(Long.parseUnsignedLong(m.group(1), 16), Long.parseLong(m.group(2)));
    }

    /**
     * A cycle file damaged behind the node's back (an entry it cannot decode, then more after it): the
     * node refuses to start, naming the entry and the repair; after the repair it starts and serves.
     */
    private void damagedCycleFileAtStart(final int batch) throws Exception
    {
        final Path journal = work.resolve("damaged-" + System.nanoTime()).resolve("journal");
        final AckTally tally = tally();
        try (TestServer server = new TestServer(settings(journal, OutputSettings.OFF, 0)))
        {
            expect(tally.post(server, batch).status() == 200, "a healthy start");
        }
        final long damagedAt = scrambleTail(journal);
        String refusal = "";
        try (TestServer refused = new TestServer(settings(journal, OutputSettings.OFF, 0)))
        {
            refusal = "started on a damaged journal";
        }
        catch (final Node.RecoveryRefused ex)
        {
            expect(ex.index() == damagedAt, "refusal names entry " + damagedAt + ": " + ex.getMessage());
            expect(ex.getMessage().contains("journal repair " + journal + " --truncate-at " + damagedAt), ex.getMessage());
        }
        JournalMaintenance.truncate(journal, damagedAt);
        final ShutdownSummary stopped;
        try (TestServer repaired = new TestServer(settings(journal, OutputSettings.OFF, 0)))
        {
            expect(tally.post(repaired, batch).status() == 200, "serving after the repair");
            stopped = repaired.service.stop();
        }
        check("damaged-cycle-file-at-start", journal, tally, stopped, refusal);
    }

    /**
     * No watermark: the disk fills until an append faults in the mapped file. That command and the rest
     * of its request are refused, the journal refuses every append after it (the fault may have left a
     * damaged entry), health names the verify and repair commands; then the operator's steps: stop,
     * free space, verify, repair if it names an entry.
     */
    private void appendFaultWithoutWatermark(final int batch) throws Exception
    {
        try (SmallDisk disk = SmallDisk.mount(work, 12))
        {
            final Path journal = disk.resolve("journal");
            disk.fill(6);
            final AckTally tally = tally();
            final ShutdownSummary stopped;
            try (TestServer server = new TestServer(settings(journal, OutputSettings.OFF, 0)))
            {
                postUntilRefused(server, tally, batch);
                expect(!tally.refused.isEmpty() || tally.post(server, 10).status() == 503, "the fault was answered 503");
                expect(server.get("/health").body().contains("journal verify"), "health names the verify command");
                expect(server.get("/v1/state").status() == 200, "reads answered after the fault");
                stopped = server.service.stop();
            }
            disk.free();
            final JournalMaintenance.Verification verified = JournalMaintenance.verify(journal);
            if (!verified.clean())
            {
                log.accept("append-fault-without-watermark: verify named entry " + verified.firstCorruptIndex() + "; repaired");
                JournalMaintenance.truncate(journal, verified.firstCorruptIndex());
            }
            check("append-fault-without-watermark", journal, tally, stopped, "");
        }
    }

    /**
     * The journal's file system is remounted read-only between two runs: the node refuses to start with
     * one line (before anything is acknowledged), and serves again once it is writable.
     */
    private void readOnlyFileSystemAtStart(final int batch) throws Exception
    {
        try (SmallDisk disk = SmallDisk.mount(work, 12))
        {
            final Path journal = disk.resolve("journal");
            final AckTally tally = tally();
            try (TestServer server = new TestServer(settings(journal, OutputSettings.OFF, 1L << 20)))
            {
                expect(tally.post(server, batch).status() == 200, "a healthy start");
            }
            disk.readOnly(true);
            String refusal = "started on a read-only file system";
            try (TestServer refused = new TestServer(settings(journal, OutputSettings.OFF, 1L << 20)))
            {
                expect(false, refusal);
            }
            catch (final JournalException ex)
            {
                refusal = ex.getMessage().contains("not writable") && !ex.getMessage().contains("\n")
                    ? "" : "unclear refusal: " + ex.getMessage();
            }
            disk.readOnly(false);
            final ShutdownSummary stopped;
            try (TestServer again = new TestServer(settings(journal, OutputSettings.OFF, 1L << 20)))
            {
                expect(tally.post(again, batch).status() == 200, "serving once writable again");
                stopped = again.service.stop();
            }
            check("read-only-file-system-at-start", journal, tally, stopped, refusal);
        }
    }

    /** Appends an entry no decoder accepts and a valid one after it, as a damaged file would have them. */
    private static long scrambleTail(final Path journal)
    {
        final long index;
        try (ChronicleJournal counted = ChronicleJournal.open(journal))
        {
            index = counted.nextIndex();
        }
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal).build();
             ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[] { 0, 0, 0, 0, 0, 0 });
            }
        }
        Journals.append(journal, new CommandEvent().joinHunt(-5, 77, 5));
        return index;
    }

    private void check(final String scenario, final Path journal, final AckTally tally, final ShutdownSummary reported,
        final String note)
    {
        final Set<Long> journaled = AckTally.journaled(journal);
        if (journaled == null)
        {
            results.add(new Result(scenario, tally.acknowledged.size(), tally.acknowledged.size(), 0, 1, 0, note));
            log.accept(scenario + ": journal unreadable");
            return;
        }
        final ReplayResult replayed = new Replayer(new ShippedMaps(), Replayer.pathCache(0), EngineListener.NONE)
            .replay(journal, null);
        final long diverged = replayed.stateHash() == reported.stateHash() ? 0 : 1;
        final Result result = new Result(scenario, tally.acknowledged.size(), tally.lost(journaled), diverged, 0,
            tally.refusedButJournaled(journaled), note);
        results.add(result);
        log.accept(result.toString());
    }

    private AckTally tally()
    {
        final AckTally tally = new AckTally(nextCmdId);
        nextCmdId += 100_000_000L;
        return tally;
    }

    private static ServiceSettings settings(final Path journal, final OutputSettings outputs, final long minFreeBytes)
    {
        return TestServer.quietSettings(journal).withNode(node -> node.with(outputs)
            .withSnapshots(s -> SnapshotSettings.NONE).withMinFreeDiskBytes(minFreeBytes));
    }

    private static void postUntilRefused(final TestServer server, final AckTally tally, final int batch)
    {
        for (int request = 0; request < 2_000; request++)
        {
            final TestServer.Answer answer = tally.post(server, batch);
            if (answer.status() == 503)
            {
                // Refused at the door (an error), or some commands of the request could not be journaled
                // (the outcomes, those with JOURNAL_UNAVAILABLE).
                expect(answer.json().isArray() ? answer.body().contains("\"JOURNAL_UNAVAILABLE\"")
                    : "JOURNAL_UNAVAILABLE".equals(answer.errorCode()), "refused as JOURNAL_UNAVAILABLE: " + answer.body());
                expect(server.get("/health").status() == 503, "health says the node is read-only");
                return;
            }
            expect(answer.status() == 200, answer.body());
        }
        throw new AssertionError("the disk never filled");
    }

    private static void expect(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new AssertionError(what);
        }
    }
}
