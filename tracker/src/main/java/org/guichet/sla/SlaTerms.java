package org.guichet.sla;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one version of a service's SLA policy says: a target per metric, the case statuses
 * that pause the answer and resolution clocks, when to warn, and what silence means.
 *
 * @param targets          a target for each of the four metrics
 * @param pausingStatuses  case statuses during which answer and resolution clocks stop
 *                         counting, e.g. {@code waiting_citizen}; never {@code open} or {@code closed}
 * @param warningFraction  share of a target's budget after which the clock warns, in (0, 1], e.g. 0.8
 * @param implicitDecision what 2 months of silence mean for this service's requests
 */
public record SlaTerms(Map<SlaMetric, SlaTarget> targets, Set<String> pausingStatuses, double warningFraction,
                       ImplicitDecision implicitDecision) {

    public SlaTerms {
        Objects.requireNonNull(targets, "targets");
        EnumMap<SlaMetric, SlaTarget> all = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : SlaMetric.values()) {
            all.put(metric, Objects.requireNonNull(targets.get(metric), "no target for " + metric));
        }
        targets = Map.copyOf(all);
        TreeSet<String> statuses = new TreeSet<>();
        for (String status : Objects.requireNonNull(pausingStatuses, "pausingStatuses")) {
            String normal = SlaEvent.normalStatus(status);
            if (normal == null || normal.equals(SlaEvent.OPEN) || normal.equals(SlaEvent.CLOSED)) {
                throw new IllegalArgumentException("'" + status + "' cannot pause a clock: open counts and closed stops");
            }
            statuses.add(normal);
        }
        pausingStatuses = Set.copyOf(statuses);
        if (!(warningFraction > 0 && warningFraction <= 1)) {
            throw new IllegalArgumentException("warning fraction " + warningFraction + " is not in (0, 1]");
        }
        Objects.requireNonNull(implicitDecision, "implicitDecision");
    }

    /** The target of {@code metric}. */
    public SlaTarget target(SlaMetric metric) {
        return targets.get(metric);
    }

    /** Whether a case in {@code status} pauses the answer and resolution clocks. */
    public boolean pauses(String status) {
        return status != null && pausingStatuses.contains(status.toLowerCase(Locale.ROOT));
    }

    /** These terms with another target for {@code metric}. */
    public SlaTerms with(SlaMetric metric, SlaTarget target) {
        EnumMap<SlaMetric, SlaTarget> changed = new EnumMap<>(targets);
        changed.put(metric, target);
        return new SlaTerms(changed, pausingStatuses, warningFraction, implicitDecision);
    }
}
