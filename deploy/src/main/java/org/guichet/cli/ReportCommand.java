package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.guichet.audit.Channel;
import org.guichet.audit.MonthlyReport;
import org.guichet.audit.MonthlyReports;
import org.guichet.audit.RenderedReport;
import org.guichet.audit.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guichet report}: the auditor's monthly report, the same bytes as {@code GET /api/reports/monthly}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The auditor's monthly report, complete (no row cap), as CSV or JSON, with its SHA-256.",
                "See docs/auditor-guide.md for each figure and how to recompute the SHA-256."})
class ReportCommand extends Subcommand {

    private final MonthlyReports reports;


    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "Month of receipt, e.g. 2026-04.")
    String month;

    @Option(names = "--service", paramLabel = "CODE", description = "Only this service (default: every service and the administration).")
    String service;

    @Option(names = "--channel", paramLabel = "reply|direct",
            description = "Only requests of this channel: reply (to an official message) or direct (default: both).")
    String channel;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "csv (default) or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the standard output.")
    Path out;

    @Option(names = "--verify", description = "Verify the whole event log for this report, instead of stating the latest verification run.")
    boolean verify;

    ReportCommand(MonthlyReports reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        YearMonth period;
        ReportFormat form;
        Channel only;
        try {
            period = YearMonth.parse(month);
            form = ReportFormat.of(format);
        } catch (DateTimeParseException e) {
            err.println("guichet: --month '" + month + "' is not a month like 2026-04");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("guichet: --format " + e.getMessage());
            return 2;
        }
        try {
            only = Channel.ofNullable(channel);
        } catch (IllegalArgumentException e) {
            err.println("guichet: --channel " + e.getMessage());
            return 2;
        }
        MonthlyReport report;
        try {
            report = reports.build(period, service, only, verify);
        } catch (IllegalArgumentException e) {
            err.println("guichet: " + e.getMessage());
            return 2;
        }
        RenderedReport rendered = form.render(report);
        if (out != null) {
            Files.write(out, rendered.bytes());
            err.println("guichet: report " + period + " written to " + out + " (" + report.rows().size()
                    + " rows, sha256 " + rendered.sha256() + ")");
        } else {
            PrintWriter stdout = out();
            stdout.print(new String(rendered.bytes(), StandardCharsets.UTF_8));
            stdout.flush();
        }
        if (!report.verification().intact()) {
            err.println("guichet: the event log is broken; the report states the first break");
        }
        return 0;
    }
}
