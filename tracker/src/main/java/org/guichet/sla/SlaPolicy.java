package org.guichet.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a service's SLA policy, in force from {@code effectiveFrom} until the next
 * version's date. Versions are never changed: a new one is added, and a clock keeps the
 * version in force at the event that started it.
 *
 * @param serviceCode   the service ({@code guichet.administration.services.<code>})
 * @param version       1, 2, 3… per service; 0 for the configured default
 *                      ({@code guichet.sla.*}) that applies where the service has no version
 * @param effectiveFrom first instant the version applies to
 * @param terms         what the version says
 */
public record SlaPolicy(String serviceCode, int version, Instant effectiveFrom, SlaTerms terms) {

    /** Version number of the configured default. */
    public static final int DEFAULT_VERSION = 0;

    public SlaPolicy {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new IllegalArgumentException("an SLA policy needs a service code");
        }
        if (version < 0) {
            throw new IllegalArgumentException("SLA policy version " + version + " is negative");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(terms, "terms");
    }

    /** The configured default for a service without a version in force: applies since always. */
    public static SlaPolicy defaultFor(String serviceCode, SlaTerms terms) {
        return new SlaPolicy(serviceCode, DEFAULT_VERSION, Instant.MIN, terms);
    }

    public SlaTarget target(SlaMetric metric) {
        return terms.target(metric);
    }
}
