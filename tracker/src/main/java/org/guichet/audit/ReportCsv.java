package org.guichet.audit;

import java.util.List;

/**
 * The CSV form of a report (RFC 4180: comma, CRLF, fields quoted when they hold a comma, a
 * quote or a line break). Metadata first, as comment lines {@code # key: value} that
 * spreadsheets show as text in the first column and CSV readers skip (lines starting with
 * {@code #}); then one header line ({@link ReportRow#COLUMNS}) and every row. Empty fields
 * are figures without meaning (a share of nothing).
 */
final class ReportCsv {

    private ReportCsv() {
    }

    /** The document without its last line {@code # sha256: …}. */
    static String content(MonthlyReport report) {
        StringBuilder out = new StringBuilder(2048 + report.rows().size() * 200);
        Csv.comment(out, "report", "guichet-monthly");
        Csv.comment(out, "administration", report.administrationCode() + " (" + report.administrationName() + ")");
        Csv.comment(out, "month", report.month().toString());
        Csv.comment(out, "zone", report.zone().getId());
        Csv.comment(out, "period-from", report.from().toString());
        Csv.comment(out, "period-to", report.to().toString());
        Csv.comment(out, "generated-at", report.generatedAt().toString());
        Csv.comment(out, "service", report.service() == null ? "(all)" : report.service());
        if (report.channel() != null) {
            // Only when filtered: a report of every channel keeps the bytes it always had.
            Csv.comment(out, "channel", report.channel().code());
        }
        for (PolicyVersion p : report.policies()) {
            Csv.comment(out, "policy", p.service() + " v" + p.version() + " effective-from="
                    + (p.effectiveFrom() == null ? "default" : p.effectiveFrom().toString())
                    + " acknowledgement=" + p.acknowledgement() + " first-answer=" + p.firstAnswer());
        }
        VerificationRun run = report.verification();
        Csv.comment(out, "event-log", (run.intact() ? "intact" : "broken") + " verified-at=" + run.verifiedAt()
                + " events-checked=" + run.eventsChecked() + " events-appended-since=" + run.eventsAppendedSince());
        Csv.comment(out, "event-log-head", run.headHash());
        run.firstBreak().ifPresent(b -> Csv.comment(out, "event-log-first-break", "event " + b.eventId() + " case "
                + b.caseReference() + " seq " + b.seq() + " " + b.reason() + ": " + b.detail()));
        Csv.comment(out, "rows", Integer.toString(report.rows().size()));
        Csv.line(out, List.copyOf(ReportRow.COLUMNS));
        for (ReportRow row : report.rows()) {
            Csv.line(out, row.values());
        }
        return out.toString();
    }
}
