package org.guichet.cli;

import java.io.PrintWriter;
import java.time.YearMonth;

import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guichet report}: the auditor's monthly report, the same bytes as {@code GET /api/reports/monthly}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The auditor's monthly report, complete (no row cap), as CSV or JSON, with its SHA-256.",
                "See docs/auditor-guide.md for each figure and how to recompute the SHA-256."})
class ReportCommand extends Subcommand {

    private final MonthlyReports reports;

    @Mixin
    ReportOptions report;

    @Option(names = "--verify", description = "Verify the whole event log for this report, instead of stating the latest verification run.")
    boolean verify;

    ReportCommand(MonthlyReports reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() throws Exception {
        YearMonth period;
        ReportFormat form;
        Channel only;
        try {
            period = report.month();
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        try {
            form = report.format();
        } catch (IllegalArgumentException e) {
            return refused("--format " + e.getMessage());
        }
        try {
            only = report.channel();
        } catch (IllegalArgumentException e) {
            return refused("--channel " + e.getMessage());
        }
        MonthlyReport built;
        try {
            built = reports.build(period, report.service, only, verify);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        report.write(built, form, "");
        if (!built.verification().intact()) {
            err().println("guichet: the event log is broken; the report states the first break");
        }
        return 0;
    }
}
