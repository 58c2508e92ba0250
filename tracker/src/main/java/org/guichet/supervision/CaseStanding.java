package org.guichet.supervision;

import java.util.Optional;

import org.guichet.sla.ImplicitDecisionDeadline;
import org.guichet.sla.SlaFigures;

/**
 * Where one case stands against its clocks and the law, now: what an agent sees beside the
 * thread.
 *
 * @param clocks   its SLA clocks (acknowledgement, first answer, follow-ups, resolution)
 * @param decision the date on which silence decides the request (CRPA L231-1, L231-4), for a
 *                 service whose silence decides something
 */
public record CaseStanding(SlaFigures clocks, Optional<ImplicitDecisionDeadline> decision) {
}
