package org.guichet.sla;

import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA policy of every service without a stored version ({@code sla_policy}), and the
 * warning window of legal deadlines. Targets read like {@code 1 working day},
 * {@code 5 working days}, {@code PT8H business}, {@code PT48H calendar}, {@code 2 months}.
 *
 * @param acknowledgement   acknowledgement target; CRPA L112-11: an accusé d'enregistrement
 *                          within 1 working day when the acknowledgement is not immediate
 * @param firstAnswer       first human answer target; Marianne label: emails answered within
 *                          5 working days
 * @param nextAnswer        answer to a citizen's follow-up
 * @param resolution        closing of the case; 2 calendar months, the silence period of CRPA L231-1
 * @param pausingStatuses   case statuses that pause answer and resolution clocks
 * @param warningFraction   share of a target after which a clock warns, in (0, 1]
 * @param implicitDecision  what 2 months of silence mean (NONE, ACCEPTANCE, REJECTION)
 * @param approachingWindow how long before an implicit decision date a case is flagged
 */
@ConfigurationProperties("guichet.sla")
public record SlaProperties(
        @DefaultValue("1 working day") SlaTarget acknowledgement,
        @DefaultValue("5 working days") SlaTarget firstAnswer,
        @DefaultValue("5 working days") SlaTarget nextAnswer,
        @DefaultValue("2 months") SlaTarget resolution,
        @DefaultValue(SlaEvent.WAITING_CITIZEN) List<String> pausingStatuses,
        @DefaultValue("0.8") double warningFraction,
        @DefaultValue("NONE") ImplicitDecision implicitDecision,
        @DefaultValue("P15D") Period approachingWindow) {

    /** The defaults as policy terms; fails naming the property when one is wrong. */
    public SlaTerms terms() {
        Map<SlaMetric, SlaTarget> targets = new EnumMap<>(SlaMetric.class);
        targets.put(SlaMetric.ACKNOWLEDGEMENT, acknowledgement);
        targets.put(SlaMetric.FIRST_ANSWER, firstAnswer);
        targets.put(SlaMetric.NEXT_ANSWER, nextAnswer);
        targets.put(SlaMetric.RESOLUTION, resolution);
        try {
            return new SlaTerms(targets, Set.copyOf(pausingStatuses), warningFraction, implicitDecision);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("guichet.sla: " + e.getMessage(), e);
        }
    }
}
