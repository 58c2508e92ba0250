package org.guichet.supervision;

/**
 * A service's cases that are not closed, now.
 *
 * @param open       every case not closed
 * @param unassigned of which assigned to nobody
 * @param waiting    of which waiting on the citizen
 * @param breached   of which with a clock past its due date
 * @param dueSoon    of which with a clock at its warning threshold, none breached
 * @param escalated  of which with any escalation flag (warning, breach, third message, decision date)
 */
public record Backlog(long open, long unassigned, long waiting, long breached, long dueSoon, long escalated) {
}
