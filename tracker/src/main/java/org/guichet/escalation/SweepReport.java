package org.guichet.escalation;

import java.time.Instant;

/**
 * What one escalation sweep did.
 *
 * @param asOf     the instant the figures were computed for
 * @param cases    open cases read
 * @param raised   flags this node raised (a flag another node raised first is not counted)
 * @param notified notices sent to supervisors
 * @param failed   cases whose escalations failed (logged; tried again by the next sweep)
 */
public record SweepReport(Instant asOf, int cases, int raised, int notified, int failed) {
}
