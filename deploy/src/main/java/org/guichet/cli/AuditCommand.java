package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Clock;

import org.guichet.audit.LogVerification;
import org.guichet.audit.SlaRecomputation;
import org.guichet.audit.VerificationRun;
import org.guichet.casework.EventLog;
import org.guichet.casework.VerificationReport;
import picocli.CommandLine.Command;

/** {@code guichet audit …}: evidence checks for auditors. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Evidence checks for auditors.",
        subcommands = {AuditCommand.Verify.class})
class AuditCommand extends CommandGroup {

    /**
     * Recomputes every hash of the case event log, then the SLA figures of every case, and
     * reports the first break. Exit status 0 when intact, 1 otherwise.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the hash chain of the case event log and the SLA figures of every case.",
                    "Exit 0 when intact, 1 with the first broken event. Record the head hash printed outside",
                    "the database: it is what shows a rewrite of the whole chain."})
    static class Verify extends Subcommand {

        private final LogVerification verification;
        private final SlaRecomputation recomputation;
        private final Clock clock;


        Verify(LogVerification verification, SlaRecomputation recomputation, Clock clock) {
            this.verification = verification;
            this.recomputation = recomputation;
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
}
