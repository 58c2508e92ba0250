package org.guichet.casework;

import java.time.Instant;

/**
 * A citizen's matter that a person of a service must answer.
 *
 * @param id             database id
 * @param reference      what citizens and agents quote, e.g. {@code GCH-2026-000123}
 * @param serviceId      the service whose queue holds it
 * @param conversationId database id of the conversation it came from, or null
 * @param citizenAddress the citizen's address: the conversation's recipient, else the first sender
 * @param status         new, open, waiting on the citizen, answered or closed
 * @param assignee       the web account it is assigned to, or null
 * @param unthreaded     nothing tied its first message to Guichet's mail
 * @param priority       low, normal, high or urgent
 * @param openedAt       the gateway's reception time of its first message
 * @param closedAt       when it was closed, or null
 * @param linkedCaseId   the closed case a reply reached, when this case was opened for it, or null
 */
public record Case(long id, String reference, long serviceId, Long conversationId, String citizenAddress,
        CaseStatus status, boolean unthreaded, String priority, Instant openedAt, Instant closedAt,
        Long linkedCaseId, String assignee) {

    /** Not closed: a person still has to do something with it. */
    public boolean open() {
        return status != CaseStatus.CLOSED;
    }
}
