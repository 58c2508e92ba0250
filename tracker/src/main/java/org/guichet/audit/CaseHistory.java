package org.guichet.audit;

import java.util.List;

import org.guichet.sla.SlaEvent;

/**
 * One case's log as the SLA clocks read it.
 *
 * @param caseId    database id
 * @param reference the case reference, e.g. {@code GCH-2026-000123}
 * @param events    its events in log order, as {@link SlaEvent}s (events that do not bear on
 *                  the clocks, such as {@code LINKED}, are left out)
 */
public record CaseHistory(long caseId, String reference, List<SlaEvent> events) {

    public CaseHistory {
        events = List.copyOf(events);
    }
}
