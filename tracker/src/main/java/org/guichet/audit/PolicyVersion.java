package org.guichet.audit;

import java.time.Instant;

/**
 * A version of a service's SLA policy that clocks of a report followed.
 *
 * @param service         service code
 * @param version         1, 2, 3…; 0 for the configured default ({@code guichet.sla.*})
 * @param effectiveFrom   first instant it applies to; null for the default, which applies since always
 * @param acknowledgement its acknowledgement target, e.g. {@code 1 working day}
 * @param firstAnswer     its first-answer target (the commitment), e.g. {@code 5 working days}
 */
public record PolicyVersion(String service, int version, Instant effectiveFrom, String acknowledgement,
        String firstAnswer) {
}
