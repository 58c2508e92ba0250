package org.guichet.sla;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Legal deadlines of a case, from its events: the date on which silence decides a request
 * (CRPA L231-1 acceptance, L231-4 rejection), kept across transfers (L114-2, L114-3).
 *
 * <ul>
 *   <li>The request is received at the case's first citizen message (automatic messages
 *       are not requests).</li>
 *   <li>What silence means is the setting of the competent service: the case's service
 *       after its last transfer, in the policy version in force at the first receipt.</li>
 *   <li>CRPA L114-2: a service that is not competent forwards the request. L114-3: the
 *       deadline of an implicit <em>rejection</em> runs from the receipt by the service first
 *       seized; that of an implicit <em>acceptance</em> only from the receipt by the competent
 *       service, which Guichet takes as the instant of the last transfer (it is delivered
 *       at once).</li>
 * </ul>
 * Pure and deterministic, like {@link SlaClock}.
 */
public final class LegalDeadlines {

    private final SlaPolicies policies;
    private final ServiceCalendars calendars;

    public LegalDeadlines(SlaPolicies policies, ServiceCalendars calendars) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** The implicit decision date of the case, if its competent service's silence decides. */
    public Optional<ImplicitDecisionDeadline> implicitDecision(List<SlaEvent> events) {
        String service = null;
        String firstService = null;
        Instant firstReceipt = null;
        Instant competentReceipt = null;
        for (SlaEvent event : ordered(events)) {
            switch (event.type()) {
                case CASE_OPENED -> service = event.serviceCode();
                case TRANSFERRED -> {
                    service = event.serviceCode();
                    if (firstReceipt != null) {
                        competentReceipt = event.at();
                    }
                }
                case RECEIVED -> {
                    if (event.isCitizenMessage() && firstReceipt == null) {
                        firstReceipt = event.at();
                        competentReceipt = event.at();
                        firstService = service;
                    }
                }
                default -> {
                    // Other events do not move legal deadlines.
                }
            }
        }
        if (firstReceipt == null || service == null || firstService == null) {
            return Optional.empty();
        }
        SlaPolicy policy = policies.inForce(service, firstReceipt);
        ImplicitDecision kind = policy.terms().implicitDecision();
        if (kind == ImplicitDecision.NONE) {
            return Optional.empty();
        }
        boolean rejection = kind == ImplicitDecision.REJECTION;
        Instant runsFrom = rejection ? firstReceipt : competentReceipt;
        ZoneId zone = calendars.of(rejection ? firstService : service).zone();
        var receiptDate = runsFrom.atZone(zone).toLocalDate();
        return Optional.of(new ImplicitDecisionDeadline(kind, service, policy.version(), runsFrom, receiptDate,
                ImplicitDecisionDeadline.decisionDate(receiptDate), zone));
    }

    /**
     * Whether the case is flagged at {@code asOf}: its implicit decision date is within
     * {@code window} and not reached, and the case is not closed (a closed case had its answer).
     */
    public boolean approaching(List<SlaEvent> events, Instant asOf, Period window) {
        Optional<ImplicitDecisionDeadline> deadline = implicitDecision(
                events.stream().filter(e -> !e.at().isAfter(asOf)).toList());
        return deadline.isPresent() && deadline.get().approaching(asOf, window) && !closedAt(events, asOf);
    }

    private static boolean closedAt(List<SlaEvent> events, Instant asOf) {
        boolean closed = false;
        for (SlaEvent event : ordered(events)) {
            if (event.at().isAfter(asOf)) {
                break;
            }
            if (event.type() == SlaEvent.Type.STATUS_CHANGED) {
                closed = event.status().equals(SlaEvent.CLOSED);
            } else if (event.type() == SlaEvent.Type.REOPENED || event.isCitizenMessage()) {
                closed = false;
            }
        }
        return closed;
    }

    private static List<SlaEvent> ordered(List<SlaEvent> events) {
        return events.stream().sorted(Comparator.comparing(SlaEvent::at)).toList();
    }
}
