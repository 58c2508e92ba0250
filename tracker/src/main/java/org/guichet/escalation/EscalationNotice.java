package org.guichet.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the supervisors of a service are told about one flag: codes, dates and durations only,
 * no personal data (the citizen's address and words stay in the case).
 *
 * @param caseReference the case ({@code GCH-2026-000123})
 * @param serviceCode   its service
 * @param serviceName   the service's name
 * @param zone          the service calendar's zone, in which dates are written
 * @param supervisors   the recipients ({@code guichet.administration.services.<code>.supervisors}); never empty
 * @param escalation    the flag and its clock or deadline
 * @param asOf          the instant the figures hold for
 */
public record EscalationNotice(String caseReference, String serviceCode, String serviceName, ZoneId zone,
                               List<String> supervisors, Escalation escalation, Instant asOf) {

    public EscalationNotice {
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(zone, "zone");
        supervisors = List.copyOf(supervisors);
        if (supervisors.isEmpty()) {
            throw new IllegalArgumentException("a notice needs at least one supervisor");
        }
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(asOf, "asOf");
    }
}
