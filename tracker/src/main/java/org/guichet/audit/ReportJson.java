package org.guichet.audit;

import org.guichet.casework.CanonicalJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guichet.casework.VerificationReport;

/**
 * The JSON form of a report, in canonical form: object keys sorted by UTF-16 code units, no
 * whitespace, strings escaped as RFC 8785 does, numbers as plain decimals (counts as integers,
 * shares with 4 decimals, hours and days with 2), instants in ISO-8601 UTC.
 */
final class ReportJson {

    private ReportJson() {
    }

    /** The document without its {@code sha256} member. */
    static String content(MonthlyReport report) {
        Map<String, Object> document = new TreeMap<>();
        document.put("metadata", metadata(report));
        List<Object> rows = new ArrayList<>(report.rows().size());
        for (ReportRow row : report.rows()) {
            rows.add(row.asMap());
        }
        document.put("rows", rows);
        return CanonicalJson.text(document);
    }

    private static Map<String, Object> metadata(MonthlyReport report) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("report", "guichet-monthly");
        metadata.put("administration", map("code", report.administrationCode(), "name", report.administrationName()));
        metadata.put("month", report.month().toString());
        metadata.put("zone", report.zone().getId());
        metadata.put("period", map("from", report.from(), "to", report.to()));
        metadata.put("generatedAt", report.generatedAt());
        metadata.put("service", report.service());
        if (report.channel() != null) {
            // Only when filtered: a report of every channel keeps the bytes it always had.
            metadata.put("channel", report.channel().code());
        }
        List<Object> policies = new ArrayList<>();
        for (PolicyVersion p : report.policies()) {
            policies.add(map("service", p.service(), "version", (long) p.version(), "effectiveFrom", p.effectiveFrom(),
                    "acknowledgement", p.acknowledgement(), "firstAnswer", p.firstAnswer()));
        }
        metadata.put("policies", policies);
        VerificationRun run = report.verification();
        Map<String, Object> log = map("intact", run.intact(), "verifiedAt", run.verifiedAt(),
                "eventsChecked", run.eventsChecked(), "eventsAppendedSince", run.eventsAppendedSince(),
                "headHash", run.headHash());
        log.put("firstBreak", run.firstBreak().map(ReportJson::firstBreak).orElse(null));
        metadata.put("eventLog", log);
        metadata.put("rowCount", (long) report.rows().size());
        return metadata;
    }

    private static Map<String, Object> firstBreak(VerificationReport.Break broken) {
        return map("eventId", broken.eventId(), "caseReference", broken.caseReference(), "seq", (long) broken.seq(),
                "reason", broken.reason().name(), "detail", broken.detail());
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
