/**
 * Service levels and legal deadlines, recomputed from a case's events.
 *
 * <ul>
 *   <li>{@link org.guichet.sla.SlaPolicy}: one version of a service's policy
 *       ({@link org.guichet.sla.SlaTerms}: a {@link org.guichet.sla.SlaTarget} per
 *       {@link org.guichet.sla.SlaMetric}, pausing statuses, warning fraction,
 *       {@link org.guichet.sla.ImplicitDecision}); {@link org.guichet.sla.SlaPolicies} finds
 *       the version in force at an instant; {@link org.guichet.sla.SlaPolicyStore} keeps the
 *       versions, append-only; {@link org.guichet.sla.SlaProperties} ({@code guichet.sla.*})
 *       gives the default.</li>
 *   <li>{@link org.guichet.sla.SlaClock}: the figures of a case
 *       ({@link org.guichet.sla.SlaFigures}, one {@link org.guichet.sla.ClockFigure} per clock)
 *       as a pure function of its {@link org.guichet.sla.SlaEvent}s, the policies and the
 *       services' business calendars ({@link org.guichet.sla.ServiceCalendars}).</li>
 *   <li>{@link org.guichet.sla.LegalDeadlines}: the date silence decides a request
 *       ({@link org.guichet.sla.ImplicitDecisionDeadline}, CRPA L231-1, L231-4, L114-3).</li>
 * </ul>
 * The rules are written out in {@code docs/sla.md}.
 */
package org.guichet.sla;
