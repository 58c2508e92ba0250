package org.guichet.transparency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.audit.Csv;

/**
 * The open data files of one month: the published figures as records with stable column
 * names (docs/open-data.md), the licence and the date they hold as of. Withheld figures are
 * empty (CSV) or null (JSON), and {@code withheld} says why.
 */
public final class OpenData {

    /** Column names, in CSV order; JSON records use the same names. */
    public static final List<String> COLUMNS = List.of("month", "service", "service_name", "withheld", "received",
            "answered_by_person_share", "first_answer_working_days_median", "first_answer_working_days_p90",
            "answered_within_commitment_share", "never_answered_share", "commitment");

    private OpenData() {
    }

    /** Every record of the month, one per service. */
    public static List<Map<String, Object>> records(Transparency.Published published) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ServiceMonth s : published.services()) {
            Map<String, Object> record = new LinkedHashMap<>();
            List<Object> values = values(s);
            for (int i = 0; i < COLUMNS.size(); i++) {
                record.put(COLUMNS.get(i), values.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** The metadata every file states. */
    public static Map<String, Object> metadata(Transparency.Published published, TransparencyProperties properties) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("dataset", "guichet-response-times");
        metadata.put("administration", published.administration());
        metadata.put("month", published.month().toString());
        metadata.put("generated_at", published.generatedAt().toString());
        metadata.put("minimum_count", properties.minimumCount());
        metadata.put("licence", properties.licence());
        metadata.put("licence_url", properties.licenceUrl());
        metadata.put("schema", "docs/open-data.md");
        return metadata;
    }

    /** The month as CSV: metadata comment lines, the header, one line per service. */
    public static String csv(Transparency.Published published, TransparencyProperties properties) {
        StringBuilder out = new StringBuilder(1024);
        metadata(published, properties).forEach((key, value) -> Csv.comment(out, key, String.valueOf(value)));
        Csv.line(out, COLUMNS);
        for (ServiceMonth s : published.services()) {
            Csv.line(out, values(s));
        }
        return out.toString();
    }

    private static List<Object> values(ServiceMonth s) {
        List<Object> values = new ArrayList<>();
        values.add(s.month().toString());
        values.add(s.service());
        values.add(s.serviceName());
        values.add(s.withheld());
        values.add(s.received());
        values.add(s.answeredShare());
        values.add(s.medianDays());
        values.add(s.p90Days());
        values.add(s.withinCommitment());
        values.add(s.neverAnsweredShare());
        values.add(s.commitment());
        return values;
    }
}
