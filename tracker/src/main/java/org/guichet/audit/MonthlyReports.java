package org.guichet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.guichet.calendar.BusinessCalendar;
import org.guichet.sla.ClockFigure;
import org.guichet.sla.ClockState;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaFigures;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.ServiceCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the monthly report. Figures that need no business time (messages, automatic mail,
 * official messages rewritten and replied to) are counted by PostgreSQL; the SLA figures of
 * the cases received in the month are recomputed with {@link SlaClock} from their event log,
 * the policy versions and the services' calendars, never read from a stored state.
 *
 * <p>A case belongs to the month, weekday and hour of its first message from a person (not
 * automatic), read in {@code guichet.audit.zone}, and to the service whose policy its
 * first-answer clock follows (the case's service at that message). See docs/auditor-guide.md.
 */
@Component
public class MonthlyReports {

    /** {@code breakdown} of the rows covering the whole month. */
    public static final String MONTH = "month";
    /** {@code breakdown} of the rows per ISO weekday of receipt, 1 Monday … 7 Sunday. */
    public static final String WEEKDAY = "weekday";
    /** {@code breakdown} of the rows per hour of receipt, 0 … 23. */
    public static final String HOUR = "hour";

    private final JdbcClient jdbc;
    private final CaseHistories histories;
    private final SlaPolicyStore policyStore;
    private final ServiceCalendars calendars;
    private final LogVerification verification;
    private final AuditProperties properties;
    private final Clock clock;

    public MonthlyReports(JdbcClient jdbc, CaseHistories histories, SlaPolicyStore policyStore,
            ServiceCalendars calendars, LogVerification verification, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.histories = histories;
        this.policyStore = policyStore;
        this.calendars = calendars;
        this.verification = verification;
        this.properties = properties;
        this.clock = clock;
    }

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
        Instant asOf = clock.instant();
        ZoneId zone = properties.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.isAfter(asOf) ? asOf.plusNanos(1000) : to;
        Map<Long, String> codes = histories.serviceCodes();
        if (service != null && !codes.containsValue(service)) {
            throw new IllegalArgumentException("no service '" + service + "'; services: " + new TreeSet<>(codes.values()));
        }
        VerificationRun run = verification.forReport(freshVerification);
        Figures figures = new Figures(month, zone, service);
        for (String code : codes.values()) {
            if (service == null || service.equals(code)) {
                figures.service(code);
            }
        }

        Timestamp fromTs = Timestamp.from(from);
        Timestamp endTs = Timestamp.from(end);
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
                        group by 1, 2, 3""")
                .param("zone", zone.getId()).param("from", fromTs).param("end", endTs)
                .query(MonthlyReports::counts).list());
        CompletableFuture<List<long[]>> noreply = CompletableFuture.supplyAsync(() -> jdbc.sql("""
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


        SlaPolicies policies = policyStore.loadAll();
        SlaClock slaClock = new SlaClock(policies, calendars);
        Map<String, PolicyVersion> used = new TreeMap<>();
        histories.forEach(histories.withPeopleMessagesBetween(from, to, asOf), asOf, history -> {
            Instant first = firstPeopleMessage(history.events());
            if (first == null || first.isBefore(from) || !first.isBefore(to)) {
                return; // a follow-up to a case received in another month
            }
            SlaFigures clocks = slaClock.figures(history.events(), asOf);
            ClockFigure answer = clocks.firstAnswer().orElseThrow();
            if (service != null && !service.equals(answer.serviceCode())) {
                return;
            }
            for (ClockFigure c : clocks.clocks()) {
                if (c.metric() == SlaMetric.ACKNOWLEDGEMENT || c.metric() == SlaMetric.FIRST_ANSWER) {
                    used.computeIfAbsent(c.serviceCode() + "\u0000" + c.policyVersion(),
                            k -> policyVersion(policies.inForce(c.serviceCode(), c.start())));
                }
            }
            figures.addCase(history.events(), first, answer, calendars.of(answer.serviceCode()), asOf);
        });

        for (long[] c : messages.join()) {
            figures.messages(codes.get(c[0]), (int) c[1], (int) c[2], c[3], c[4]);
        }
        for (long[] c : noreply.join()) {
            figures.noreply(codes.get(c[0]), (int) c[1], (int) c[2], c[3], c[4]);
        }
        Map<String, Object> administration = jdbc.sql("select code, name from administration order by id limit 1")
                .query().singleRow();
        return new MonthlyReport((String) administration.get("code"), (String) administration.get("name"), month,
                zone, from, to, asOf, service, used.values().stream()
                .sorted(Comparator.comparing(PolicyVersion::service).thenComparingInt(PolicyVersion::version)).toList(),
                run, figures.rows());
    }

    /** service id, weekday, hour, two counts. */
    private static long[] counts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)};
    }

    private static Instant firstPeopleMessage(List<SlaEvent> events) {
        Instant first = null;
        for (SlaEvent event : events) {
            if (event.type() == SlaEvent.Type.RECEIVED && !event.automatic()
                    && (first == null || event.at().isBefore(first))) {
                first = event.at();
            }
        }
        return first;
    }

    private static PolicyVersion policyVersion(SlaPolicy policy) {
        return new PolicyVersion(policy.serviceCode(), policy.version(),
                policy.version() == SlaPolicy.DEFAULT_VERSION ? null : policy.effectiveFrom(),
                policy.target(SlaMetric.ACKNOWLEDGEMENT).text(), policy.target(SlaMetric.FIRST_ANSWER).text());
    }

    /** The tallies of every row, by service (null for the administration), breakdown and slot. */
    private static final class Figures {

        private final YearMonth month;
        private final ZoneId zone;
        private final boolean administration;
        private final String only;
        private final Map<String, Map<String, Tally>> byService = new TreeMap<>();
        private final Map<String, Tally> whole = new HashMap<>();

        Figures(YearMonth month, ZoneId zone, String only) {
            this.month = month;
            this.zone = zone;
            this.only = only;
            this.administration = only == null;
        }

        void service(String code) {
            byService.computeIfAbsent(code, c -> new HashMap<>());
        }

        void addCase(List<SlaEvent> events, Instant first, ClockFigure answer, BusinessCalendar calendar,
                Instant asOf) {
            Instant acknowledgedAt = firstAfter(events, first, SlaEvent.Type.ACKNOWLEDGED);
            Instant answeredAt = firstAfter(events, first, SlaEvent.Type.ANSWERED);
            // CRPA L112-11: accusé d'enregistrement within 1 working day, whatever the policy says.
            boolean acknowledgedInTime = acknowledgedAt != null
                    && acknowledgedAt.isBefore(calendar.plusWorkingDays(first, 1));
            Duration business = answeredAt == null ? null : calendar.businessTimeBetween(first, answeredAt);
            Duration wall = answeredAt == null ? null : Duration.between(first, answeredAt);
            boolean pastCommitment = answeredAt == null && answer.dueDate().isPresent()
                    && !asOf.isBefore(answer.dueDate().get());
            // CRPA L231-1: two months of silence, counted in the service's calendar zone.
            boolean pastTwoMonths = answeredAt == null
                    && !asOf.isBefore(first.atZone(calendar.zone()).plusMonths(2).toInstant());
            ZonedDateTime local = first.atZone(zone);
            for (Tally t : tallies(answer.serviceCode(), local.getDayOfWeek().getValue(), local.getHour())) {
                t.received++;
                if (acknowledgedAt != null) {
                    t.acknowledged++;
                }
                if (acknowledgedInTime) {
                    t.acknowledgedWithinOneWorkingDay++;
                }
                if (answeredAt != null) {
                    t.answeredByPerson++;
                    t.answerTimes(business, wall);
                }
                if (answer.state() == ClockState.MET) {
                    t.answeredWithinCommitment++;
                }
                if (pastCommitment) {
                    t.unansweredPastCommitment++;
                }
                if (pastTwoMonths) {
                    t.unansweredPastTwoMonths++;
                }
            }
        }

        void messages(String service, int weekday, int hour, long fromPeople, long automatic) {
            if (service == null || (only != null && !only.equals(service))) {
                return;
            }
            for (Tally t : tallies(service, weekday, hour)) {
                t.messagesFromPeople += fromPeople;
                t.automaticMessages += automatic;
            }
        }

        void noreply(String service, int weekday, int hour, long rewritten, long replied) {
            if (service == null || (only != null && !only.equals(service))) {
                return;
            }
            for (Tally t : tallies(service, weekday, hour)) {
                t.noreplyRewritten += rewritten;
                t.noreplyReplied += replied;
            }
        }

        private List<Tally> tallies(String service, int weekday, int hour) {
            List<Tally> found = new ArrayList<>(6);
            Map<String, Tally> ofService = byService.computeIfAbsent(service, c -> new HashMap<>());
            found.add(ofService.computeIfAbsent(key(MONTH, month.toString()), k -> new Tally()));
            found.add(ofService.computeIfAbsent(key(WEEKDAY, Integer.toString(weekday)), k -> new Tally()));
            found.add(ofService.computeIfAbsent(key(HOUR, Integer.toString(hour)), k -> new Tally()));
            if (administration) {
                found.add(whole.computeIfAbsent(key(MONTH, month.toString()), k -> new Tally()));
                found.add(whole.computeIfAbsent(key(WEEKDAY, Integer.toString(weekday)), k -> new Tally()));
                found.add(whole.computeIfAbsent(key(HOUR, Integer.toString(hour)), k -> new Tally()));
            }
            return found;
        }

        /** Every row, zeros included: administration first, then services by code; month, weekdays, hours. */
        List<ReportRow> rows() {
            List<ReportRow> rows = new ArrayList<>();
            if (administration) {
                rows.addAll(rowsOf("administration", null, whole));
            }
            byService.forEach((code, tallies) -> rows.addAll(rowsOf("service", code, tallies)));
            return rows;
        }

        private List<ReportRow> rowsOf(String scope, String service, Map<String, Tally> tallies) {
            List<ReportRow> rows = new ArrayList<>(32);
            rows.add(tallies.getOrDefault(key(MONTH, month.toString()), new Tally())
                    .row(scope, service, MONTH, month.toString()));
            for (int day = 1; day <= 7; day++) {
                rows.add(tallies.getOrDefault(key(WEEKDAY, Integer.toString(day)), new Tally())
                        .row(scope, service, WEEKDAY, Integer.toString(day)));
            }
            for (int hour = 0; hour < 24; hour++) {
                rows.add(tallies.getOrDefault(key(HOUR, Integer.toString(hour)), new Tally())
                        .row(scope, service, HOUR, Integer.toString(hour)));
            }
            return rows;
        }

        private static String key(String breakdown, String slot) {
            return breakdown + ":" + slot;
        }

        private static Instant firstAfter(List<SlaEvent> events, Instant start, SlaEvent.Type type) {
            Instant found = null;
            for (SlaEvent event : events) {
                if (event.type() == type && !event.automatic() && !event.at().isBefore(start)
                        && (found == null || event.at().isBefore(found))) {
                    found = event.at();
                }
            }
            return found;
        }
    }
}
