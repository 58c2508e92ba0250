package org.guichet.audit;

import java.math.BigDecimal;
import java.util.List;

/**
 * The CSV form of a report (RFC 4180: comma, CRLF, fields quoted when they hold a comma, a
 * quote or a line break). Metadata first, as comment lines {@code # key: value} that
 * spreadsheets show as text in the first column and CSV readers skip (lines starting with
 * {@code #}); then one header line ({@link ReportRow#COLUMNS}) and every row. Empty fields
 * are figures without meaning (a share of nothing).
 */
final class ReportCsv {

    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    /** The document without its last line {@code # sha256: …}. */
    static String content(MonthlyReport report) {
        StringBuilder out = new StringBuilder(2048 + report.rows().size() * 200);
        comment(out, "report", "guichet-monthly");
        comment(out, "administration", report.administrationCode() + " (" + report.administrationName() + ")");
        comment(out, "month", report.month().toString());
        comment(out, "zone", report.zone().getId());
        comment(out, "period-from", report.from().toString());
        comment(out, "period-to", report.to().toString());
        comment(out, "generated-at", report.generatedAt().toString());
        comment(out, "service", report.service() == null ? "(all)" : report.service());
        for (PolicyVersion p : report.policies()) {
            comment(out, "policy", p.service() + " v" + p.version() + " effective-from="
                    + (p.effectiveFrom() == null ? "default" : p.effectiveFrom().toString())
                    + " acknowledgement=" + p.acknowledgement() + " first-answer=" + p.firstAnswer());
        }
        VerificationRun run = report.verification();
        comment(out, "event-log", (run.intact() ? "intact" : "broken") + " verified-at=" + run.verifiedAt()
                + " events-checked=" + run.eventsChecked() + " events-appended-since=" + run.eventsAppendedSince());
        comment(out, "event-log-head", run.headHash());
        run.firstBreak().ifPresent(b -> comment(out, "event-log-first-break", "event " + b.eventId() + " case "
                + b.caseReference() + " seq " + b.seq() + " " + b.reason() + ": " + b.detail()));
        comment(out, "rows", Integer.toString(report.rows().size()));
        line(out, List.copyOf(ReportRow.COLUMNS));
        for (ReportRow row : report.rows()) {
            line(out, row.values());
        }
        return out.toString();
    }

    private static void comment(StringBuilder out, String key, String value) {
        // One line per key: a line break inside a value would end the comment.
        out.append("# ").append(key).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append(CRLF);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append(CRLF);
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
                || text.startsWith("#")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
