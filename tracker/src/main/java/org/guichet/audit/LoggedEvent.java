package org.guichet.audit;

import java.time.Instant;

/**
 * What the SLA clocks read of one logged event: its type, instant and the few payload
 * members that bear on a clock, each as text as PostgreSQL's {@code payload ->> 'member'}
 * gives it (a boolean as {@code true}, a number as its digits), null when absent.
 *
 * @param caseId the case it belongs to (any identifier unique within the read)
 */
public record LoggedEvent(long caseId, String type, Instant at, String author, String queueId,
        String service, String serviceCode, String status, String automatic) {
}
