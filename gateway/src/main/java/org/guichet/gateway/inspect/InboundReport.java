package org.guichet.gateway.inspect;

import org.guichet.gateway.inbound.Classification;

/**
 * What the inbound processor would make of a citizen's message ({@link InboundDryRun}).
 *
 * @param visibleText    what the citizen wrote, without the quoted original and the signature
 * @param automatic      whether it is automatic mail, and the sign that says so
 * @param threading      the case it would go to, and how it would be found
 * @param authentication SPF, DKIM and DMARC verdicts
 * @param envelope       the session details the verdicts and threading were computed from
 */
public record InboundReport(String visibleText, Classification automatic, ThreadingReport threading,
        AuthenticationReport authentication, InboundEnvelope envelope) {
}
