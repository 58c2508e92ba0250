package org.guichet.escalation;

import java.util.Locale;
import java.util.Objects;

import org.guichet.sla.SlaMetric;

/**
 * A flag as stored in {@code case_flag}: raised at most once per case for each value.
 *
 * @param kind   why
 * @param metric the SLA metric in lower case ({@code first_answer}, …), or
 *               {@value #IMPLICIT_DECISION} for the decision date
 * @param clock  the clock's cycle: 1, or the follow-up number of a {@code next_answer} clock
 */
public record CaseFlag(FlagKind kind, String metric, int clock) {

    /** The metric of {@link FlagKind#DECISION_DATE_APPROACHING}: not an SLA clock but a legal deadline. */
    public static final String IMPLICIT_DECISION = "implicit_decision";

    public CaseFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metric, "metric");
        if (clock < 1) {
            throw new IllegalArgumentException("clock numbers start at 1, not " + clock);
        }
    }

    public static CaseFlag of(FlagKind kind, SlaMetric metric, int clock) {
        return new CaseFlag(kind, column(metric), clock);
    }

    /** How a metric is written in {@code case_flag} and in event payloads. */
    public static String column(SlaMetric metric) {
        return metric.name().toLowerCase(Locale.ROOT);
    }
}
