package org.guichet.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The auditor's report of one month: figures per service and for the whole administration,
 * with what an auditor needs to judge and recompute them.
 *
 * @param administrationCode the administration ({@code guichet.administration.code})
 * @param administrationName its name
 * @param month              the month of receipt the figures cover
 * @param zone               the zone the month, weekdays and hours are read in
 * @param from               first instant of the month (included)
 * @param to                 first instant of the next month (excluded)
 * @param generatedAt        the gateway's clock when the report was made: figures hold as of
 *                           this instant (later events are not read)
 * @param service            the one service reported on, or null for all
 * @param channel            the one channel of requests reported on, or null for all
 * @param policies           the SLA policy versions the clocks of the month's cases followed
 * @param verification       the event-log verification the report relies on
 * @param rows               every row, none left out
 */
public record MonthlyReport(String administrationCode, String administrationName, YearMonth month, ZoneId zone,
        Instant from, Instant to, Instant generatedAt, String service, Channel channel, List<PolicyVersion> policies,
        VerificationRun verification, List<ReportRow> rows) {

    public MonthlyReport {
        policies = List.copyOf(policies);
        rows = List.copyOf(rows);
    }

    /** A report of every channel. */
    public MonthlyReport(String administrationCode, String administrationName, YearMonth month, ZoneId zone,
            Instant from, Instant to, Instant generatedAt, String service, List<PolicyVersion> policies,
            VerificationRun verification, List<ReportRow> rows) {
        this(administrationCode, administrationName, month, zone, from, to, generatedAt, service, null, policies,
                verification, rows);
    }

    /** The row of {@code service} (null for the administration) for {@code breakdown} and {@code slot}. */
    public ReportRow row(String service, String breakdown, String slot) {
        return rows.stream()
                .filter(r -> java.util.Objects.equals(r.get("service"), service) && r.get("breakdown").equals(breakdown)
                        && r.get("slot").equals(slot))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + service + " " + breakdown + " " + slot));
    }
}
