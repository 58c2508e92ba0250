package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.guichet.audit.LogVerification;
import org.guichet.audit.SlaRecomputation;
import org.guichet.audit.VerificationRun;
import org.guichet.casework.EventLog;
import org.guichet.casework.VerificationReport;
import org.guichet.checkpoint.CheckpointKey;
import org.guichet.checkpoint.CheckpointVerification;
import org.guichet.checkpoint.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guichet audit …}: evidence checks for auditors. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Evidence checks for auditors.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Sign.class})
class AuditCommand extends CommandGroup {

    /**
     * Recomputes every hash of the case event log, then the SLA figures of every case, and
     * reports the first break. Exit status 0 when intact, 1 otherwise.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the hash chain of the case event log and the SLA figures of every case.",
                    "Exit 0 when intact, 1 with the first broken event. Record the head hash printed outside",
                    "the database: it is what shows a rewrite of the whole chain.",
                    "With --checkpoints DIR, also prove that the log extends every signed checkpoint in DIR."})
    static class Verify extends Subcommand {

        private final LogVerification verification;
        private final SlaRecomputation recomputation;
        private final CheckpointVerification checkpointVerification;
        private final Checkpoints checkpoints;
        private final Clock clock;

        @Option(names = "--checkpoints", paramLabel = "DIR",
                description = "Folder of checkpoint files (*.txt, as mailed and published) to check the log against.")
        Path checkpointFolder;

        @Option(names = "--key", paramLabel = "VERIFIER_KEY",
                description = "Verifier key the checkpoints may be signed with (NAME+ID+BASE64); default: this"
                        + " node's key. Repeat for several.")
        List<String> verifierKeys = List.of();

        Verify(LogVerification verification, SlaRecomputation recomputation,
                CheckpointVerification checkpointVerification, Checkpoints checkpoints, Clock clock) {
            this.verification = verification;
            this.recomputation = recomputation;
            this.checkpointVerification = checkpointVerification;
            this.checkpoints = checkpoints;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter out = out();
            PrintWriter err = err();
            VerificationRun run = verification.verify(everySecond(err, "events verified"));
            out.println("event log: " + (run.intact() ? "intact" : "broken"));
            out.println("events checked: " + run.eventsChecked());
            out.println("head hash: " + run.headHash());
            if (!run.intact()) {
                VerificationReport.Break broken = run.firstBreak().orElseThrow();
                out.println("first broken event: id " + broken.eventId() + ", case " + broken.caseReference()
                        + ", seq " + broken.seq() + ", " + broken.reason());
                out.println("reason: " + broken.detail());
                out.flush();
                return 1;
            }
            if (checkpointFolder != null && !checkpointsHold(out)) {
                out.flush();
                return 1;
            }
            SlaRecomputation.Result sla = recomputation.recompute(clock.instant(), everySecond(err, "cases recomputed"));
            out.println("sla figures: " + (sla.firstError() == null ? "recomputed" : "broken") + ", " + sla.cases()
                    + " case(s), " + sla.clocks() + " clock(s), " + sla.breached() + " breached, " + sla.dropped()
                    + " closed without the awaited event");
            if (sla.firstError() != null) {
                out.println("first case the clocks cannot read: " + sla.firstError());
                out.flush();
                return 1;
            }
            out.println("record the head hash outside the database (signed mail, printed register, notary):"
                    + " a later run must end on a chain that contains it");
            out.flush();
            return 0;
        }

        /** Checks every checkpoint of the folder, oldest first; prints each, and the first that fails. */
        private boolean checkpointsHold(PrintWriter out) {
            List<CheckpointVerification.Named> given;
            try {
                given = new CheckpointFolder(checkpointFolder).read();
            } catch (CheckpointFolder.Unreadable e) {
                out.println(e.getMessage());
                return false;
            }
            List<CheckpointKey> keys = verifierKeys.isEmpty() ? List.of(checkpoints.key())
                    : verifierKeys.stream().map(CheckpointKey::verifier).toList();
            boolean all = true;
            for (CheckpointVerification.Outcome outcome : checkpointVerification.verify(given, keys)) {
                out.println(CheckpointFolder.said(outcome));
                if (!outcome.holds() && all) {
                    out.println("first checkpoint the log does not extend: " + outcome.checkpoint().source());
                    all = false;
                }
            }
            out.println("checkpoints: " + (all ? "the log extends all " + given.size() : "broken"));
            return all;
        }

        /** Progress on the standard error, at most once a second, and at the end. */
        private static EventLog.Progress everySecond(PrintWriter err, String what) {
            long[] last = {System.nanoTime()};
            return (done, total) -> {
                long now = System.nanoTime();
                if (now - last[0] >= 1_000_000_000L || done >= total) {
                    last[0] = now;
                    err.println(what + ": " + done + " / " + total);
                    err.flush();
                }
            };
        }
    }

    /** Signs the head of the log now, records the checkpoint and prints it, e.g. to hand it to an auditor. */
    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = {"Sign the head of the event log now (Ed25519, the key in the home) and print the",
                    "checkpoint; --key prints the verifier key auditors check it with."})
    static class Sign extends Subcommand {

        private final Checkpoints checkpoints;

        @Option(names = "--key", description = "Print the verifier key instead.")
        boolean key;

        Sign(Checkpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public Integer call() {
            out().print(key ? checkpoints.key().verifierKey() + "\n" : checkpoints.sign().text());
            out().flush();
            return 0;
        }
    }
}
