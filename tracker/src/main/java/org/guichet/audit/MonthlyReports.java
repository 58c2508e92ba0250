package org.guichet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.ServiceCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the monthly report. Figures that need no business time (messages, automatic mail,
 * official messages rewritten and replied to) are counted by PostgreSQL; the SLA figures of
 * the cases received in the month are recomputed with {@link org.guichet.sla.SlaClock} from their event log,
 * the policy versions and the services' calendars, never read from a stored state.
 *
 * <p>A case belongs to the month, weekday and hour of its first message from a person (not
 * automatic), read in {@code guichet.audit.zone}, and to the service whose policy its
 * first-answer clock follows (the case's service at that message). See docs/auditor-guide.md.
 */
@Component
public record MonthlyReports(JdbcClient jdbc, CaseHistories histories, SlaPolicyStore policyStore,
        ServiceCalendars calendars, LogVerification verification, AuditProperties properties, Clock clock) {

    /** {@code breakdown} of the rows covering the whole month. */
    public static final String MONTH = "month";
    /** {@code breakdown} of the rows per ISO weekday of receipt, 1 Monday … 7 Sunday. */
    public static final String WEEKDAY = "weekday";
    /** {@code breakdown} of the rows per hour of receipt, 0 … 23. */
    public static final String HOUR = "hour";

    /** The zone months are read in. */
    public ZoneId zone() {
        return properties.zone();
    }

    /** The report of {@code month} for every service, stating the configured verification. */
    public MonthlyReport build(YearMonth month) {
        return build(month, null, properties.reportVerification() == AuditProperties.Verification.FRESH);
    }

    /**
     * The report of {@code month}.
     *
     * @param service            a service code, or null for every service and the administration
     * @param freshVerification  verify the whole chain for this report instead of stating the latest run
     * @throws IllegalArgumentException if {@code service} is not a known service
     */
    public MonthlyReport build(YearMonth month, String service, boolean freshVerification) {
        return build(month, service, null, freshVerification);
    }

    /**
     * The report of {@code month}, of the requests of one channel only (null: every channel).
     * Every figure follows the filter: the cases received and their SLA figures, the messages
     * (counted on cases of that channel) and the official messages rewritten and replied to
     * (which belong to the {@code reply} channel: none for {@code direct}).
     */
    public MonthlyReport build(YearMonth month, String service, Channel channel, boolean freshVerification) {
        Instant asOf = clock.instant();
        ZoneId zone = properties.zone();
        Map<Long, String> codes = histories.serviceCodes();
        if (service != null && !codes.containsValue(service)) {
            throw new IllegalArgumentException("no service '" + service + "'; services: " + new TreeSet<>(codes.values()));
        }
        VerificationRun run = verification.forReport(freshVerification);
        SlaPolicies policies = policyStore.loadAll();
        MonthFigures figures = new MonthFigures(month, zone, asOf, service, policies, calendars);
        for (String code : codes.values()) {
            if (service == null || service.equals(code)) {
                figures.service(code);
            }
        }
        Instant from = figures.from();
        Instant to = figures.to();

        Timestamp fromTs = Timestamp.from(from);
        Timestamp endTs = Timestamp.from(figures.end());
        // Counted by PostgreSQL on other connections while the clocks run here.
        CompletableFuture<List<long[]>> messages = CompletableFuture.supplyAsync(() -> jdbc.sql("""
                        select c.service_id,
                               extract(isodow from r.occurred_at at time zone :zone)::int,
                               extract(hour from r.occurred_at at time zone :zone)::int,
                               count(*) filter (where not r.automatic), count(*) filter (where r.automatic)
                        from (select e.case_id, e.occurred_at,
                                     (coalesce(e.payload ->> 'author', '') = 'automatic'
                                      or exists (select 1 from case_event k
                                                 where k.case_id = e.case_id and k.type = 'CLASSIFIED_AUTOMATIC'
                                                   and k.payload ->> 'queueId' = e.payload ->> 'queueId')) as automatic
                              from case_event e
                              where e.type = 'RECEIVED' and e.occurred_at >= :from and e.occurred_at < :end) r
                        join citizen_case c on c.id = r.case_id
                        where true""" + CaseHistories.channelCondition(channel, "c") + """

                        group by 1, 2, 3""")
                .param("zone", zone.getId()).param("from", fromTs).param("end", endTs)
                .query(MonthlyReports::counts).list());
        CompletableFuture<List<long[]>> noreply = channel == Channel.DIRECT
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> jdbc.sql("""
                        select v.service_id,
                               extract(isodow from v.accepted_at at time zone :zone)::int,
                               extract(hour from v.accepted_at at time zone :zone)::int,
                               count(*),
                               count(*) filter (where exists (
                                   select 1 from citizen_case c join case_message m on m.case_id = c.id
                                   where c.conversation_id = v.id and m.direction = 'inbound'
                                     and m.author_kind in ('citizen', 'third_party') and m.received_at <= :asOf))
                        from conversation v
                        where v.accepted_at >= :from and v.accepted_at < :end
                        group by 1, 2, 3""")
                .param("zone", zone.getId()).param("from", fromTs).param("end", endTs)
                .param("asOf", Timestamp.from(asOf))
                .query(MonthlyReports::counts).list());

        histories.forEach(histories.withPeopleMessagesBetween(from, to, asOf, channel), asOf,
                history -> figures.addCase(history.events()));

        for (long[] c : messages.join()) {
            figures.messages(codes.get(c[0]), (int) c[1], (int) c[2], c[3], c[4]);
        }
        for (long[] c : noreply.join()) {
            figures.noreply(codes.get(c[0]), (int) c[1], (int) c[2], c[3], c[4]);
        }
        Map<String, Object> administration = jdbc.sql("select code, name from administration order by id limit 1")
                .query().singleRow();
        return new MonthlyReport((String) administration.get("code"), (String) administration.get("name"), month,
                zone, from, to, asOf, service, channel, figures.policies(), run, figures.rows());
    }

    /** service id, weekday, hour, two counts. */
    private static long[] counts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)};
    }
}
