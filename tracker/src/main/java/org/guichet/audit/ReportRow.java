package org.guichet.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a monthly report: the figures of the administration or of one service, for the
 * whole month or for the messages received on one weekday or in one hour. Values are
 * {@link Long}, {@link java.math.BigDecimal} or {@link String}; null where a figure has no
 * meaning (a share of nothing, a median of no answer).
 *
 * @param values one value per {@link #COLUMNS}, in that order
 */
public record ReportRow(List<Object> values) {

    /** Column names, in CSV order; JSON rows use the same names. See docs/auditor-guide.md. */
    public static final List<String> COLUMNS = List.of(
            "scope", "service", "breakdown", "slot",
            "received", "acknowledged", "acknowledged_within_1_working_day",
            "acknowledged_within_1_working_day_share",
            "answered_by_person", "answer_rate", "answered_within_commitment", "answered_within_commitment_share",
            "unanswered", "unanswered_past_commitment", "unanswered_past_2_months",
            "first_answer_business_hours_mean", "first_answer_business_hours_median",
            "first_answer_business_hours_p90",
            "first_answer_calendar_days_mean", "first_answer_calendar_days_median", "first_answer_calendar_days_p90",
            "messages_from_people", "automatic_messages",
            "noreply_rewritten", "noreply_replied", "noreply_reply_share");

    public ReportRow {
        if (values.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + COLUMNS.size() + " columns");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The value of {@code column}. */
    public Object get(String column) {
        int index = COLUMNS.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return values.get(index);
    }

    /** Column name → value, in column order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            map.put(COLUMNS.get(i), values.get(i));
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportRow row && Objects.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
