package org.guichet.casework;

import java.time.Instant;

/**
 * One line of a case listing.
 *
 * @param reference      e.g. {@code GCH-2026-000123}
 * @param serviceCode    the service whose queue holds it
 * @param status         new, open, waiting on the citizen, answered or closed
 * @param unthreaded     nothing tied its first message to Guichet's mail
 * @param priority       low, normal, high or urgent
 * @param citizenAddress the citizen's address
 * @param subject        the subject of its first message, or null
 * @param openedAt       the gateway's reception time of its first message
 * @param closedAt       when it was closed, or null
 * @param messages       how many messages it holds, both directions
 * @param lastMessageAt  the time of its latest message
 * @param answered       whether an agent answered it at least once
 * @param assignee       the account it is assigned to, or null
 * @param flag           its SLA standing from the escalation flags: breached, due soon, or null
 */
public record CaseSummary(String reference, String serviceCode, CaseStatus status, boolean unthreaded,
        String priority, String citizenAddress, String subject, Instant openedAt, Instant closedAt, long messages,
        Instant lastMessageAt, boolean answered, String assignee, CaseFilter.Flag flag) {
}
