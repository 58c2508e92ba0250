/**
 * Escalations: flags raised on a case for its service's supervisors.
 *
 * <ul>
 *   <li>{@link org.guichet.escalation.EscalationSweep}: which flags
 *       ({@link org.guichet.escalation.FlagKind}, {@link org.guichet.escalation.CaseFlag}) a case
 *       deserves at an instant, a pure function of its SLA events, policies and calendars.</li>
 *   <li>{@link org.guichet.escalation.Escalations}: sweeps the open cases page by page, records
 *       each new flag once in {@code case_flag} with a {@code FLAGGED} event, raises the priority
 *       at a third message without answer, and hands the notice to an
 *       {@link org.guichet.escalation.EscalationNotifier} (the mail plane's spool).</li>
 *   <li>who is notified: {@code guichet.administration.services.<code>.supervisors}, among the
 *       service's settings ({@link org.guichet.administration.AdministrationProperties}).</li>
 * </ul>
 * The rules are written out in {@code docs/escalation.md}.
 */
package org.guichet.escalation;
