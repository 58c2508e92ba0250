package org.guichet.audit;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Auditor reports and event-log verification ({@code guichet.audit.*}).
 *
 * @param zone               time zone of the administration: months, weekdays and hours of
 *                           receipt are read in it
 * @param casesPerPage       cases whose events are read at once when a report recomputes
 *                           SLA figures; bounds memory, whatever the size of the log
 * @param reportVerification what a report states about the event log: {@code LATEST} the
 *                           latest recorded verification run and how many events came after
 *                           it (a run is made first if none is recorded), {@code FRESH} a
 *                           verification of the whole chain made for the report
 */
@ConfigurationProperties("guichet.audit")
public record AuditProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("2000") int casesPerPage,
        @DefaultValue("LATEST") Verification reportVerification) {

    public AuditProperties {
        if (casesPerPage < 1) {
            throw new IllegalArgumentException("guichet.audit.cases-per-page must be at least 1, not " + casesPerPage);
        }
    }

    /** The defaults: Europe/Paris, 2000 cases per page, latest verification. */
    public static AuditProperties defaults() {
        return new AuditProperties(ZoneId.of("Europe/Paris"), 2000, Verification.LATEST);
    }

    /** Which verification of the event log a report states. */
    public enum Verification {
        /** The latest recorded run, with the number of events appended since. */
        LATEST,
        /** A run over the whole chain, made for the report. */
        FRESH
    }
}
