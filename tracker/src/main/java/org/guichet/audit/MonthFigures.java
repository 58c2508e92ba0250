package org.guichet.audit;

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

import org.guichet.calendar.BusinessCalendar;
import org.guichet.sla.ClockFigure;
import org.guichet.sla.ClockState;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaFigures;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaPolicy;

/**
 * The tallies of every row of one month's report, by service (null for the administration),
 * breakdown and slot, fed case by case and count by count: the one computation behind
 * {@link MonthlyReports} (fed from the database) and the recomputation of a report from an
 * export (fed from its lines), so that both give the same rows.
 */
/** The tallies of every row, by service (null for the administration), breakdown and slot. */
public final class MonthFigures {

    private final YearMonth month;
    private final ZoneId zone;
    private final Instant from;
    private final Instant to;
    private final Instant asOf;
    private final boolean administration;
    private final String only;
    private final SlaPolicies policies;
    private final ServiceCalendars calendars;
    private final SlaClock slaClock;
    private final Map<String, Map<String, Tally>> byService = new TreeMap<>();
    private final Map<String, Tally> whole = new HashMap<>();
    private final Map<String, PolicyVersion> used = new TreeMap<>();

    /**
     * @param month     the month of receipt
     * @param zone      the zone months, weekdays and hours are read in
     * @param asOf      the instant the figures hold at
     * @param only      the one service reported on, or null for every service and the administration
     * @param policies  every SLA policy version
     * @param calendars the services' calendars
     */
    public MonthFigures(YearMonth month, ZoneId zone, Instant asOf, String only, SlaPolicies policies,
            ServiceCalendars calendars) {
        this.month = month;
        this.zone = zone;
        this.from = month.atDay(1).atStartOfDay(zone).toInstant();
        this.to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        this.asOf = asOf;
        this.only = only;
        this.administration = only == null;
        this.policies = policies;
        this.calendars = calendars;
        this.slaClock = new SlaClock(policies, calendars);
    }

    /** First instant of the month (included). */
    public Instant from() {
        return from;
    }

    /** First instant of the next month (excluded). */
    public Instant to() {
        return to;
    }

    /** The end of the instants read: the next month's first, or just after {@code asOf} for a month not over. */
    public Instant end() {
        return to.isAfter(asOf) ? asOf.plusNanos(1000) : to;
    }

    /** A service with rows even when nothing counts in it. */
    public void service(String code) {
        byService.computeIfAbsent(code, c -> new HashMap<>());
    }

    /**
     * Counts one case from its events (as {@link CaseHistories#slaEvents} reads a log), if it
     * was received in the month (its first message from a person) and, when one service is
     * reported on, by that service.
     */
    public void addCase(List<SlaEvent> events) {
        Instant first = firstPeopleMessage(events);
        if (first == null || first.isBefore(from) || !first.isBefore(to)) {
            return; // a follow-up to a case received in another month
        }
        SlaFigures clocks = slaClock.figures(events, asOf);
        ClockFigure answer = clocks.firstAnswer().orElseThrow();
        if (only != null && !only.equals(answer.serviceCode())) {
            return;
        }
        for (ClockFigure c : clocks.clocks()) {
            if (c.metric() == SlaMetric.ACKNOWLEDGEMENT || c.metric() == SlaMetric.FIRST_ANSWER) {
                used.computeIfAbsent(c.serviceCode() + "\u0000" + c.policyVersion(),
                        k -> policyVersion(policies.inForce(c.serviceCode(), c.start())));
            }
        }
        tally(events, first, answer, calendars.of(answer.serviceCode()));
    }

    /** The policy versions the counted cases' clocks followed, by service then version. */
    public List<PolicyVersion> policies() {
        return used.values().stream()
                .sorted(Comparator.comparing(PolicyVersion::service).thenComparingInt(PolicyVersion::version)).toList();
    }

    private void tally(List<SlaEvent> events, Instant first, ClockFigure answer, BusinessCalendar calendar) {
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

    /** Messages received in the month, on a weekday and at an hour, counted on the case's current service. */
    public void messages(String service, int weekday, int hour, long fromPeople, long automatic) {
        if (service == null || (only != null && !only.equals(service))) {
            return;
        }
        for (Tally t : tallies(service, weekday, hour)) {
            t.messagesFromPeople += fromPeople;
            t.automaticMessages += automatic;
        }
    }

    /** Official messages rewritten in the month, on a weekday and at an hour, and those replied to. */
    public void noreply(String service, int weekday, int hour, long rewritten, long replied) {
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
        found.add(ofService.computeIfAbsent(key(MonthlyReports.MONTH, month.toString()), k -> new Tally()));
        found.add(ofService.computeIfAbsent(key(MonthlyReports.WEEKDAY, Integer.toString(weekday)), k -> new Tally()));
        found.add(ofService.computeIfAbsent(key(MonthlyReports.HOUR, Integer.toString(hour)), k -> new Tally()));
        if (administration) {
            found.add(whole.computeIfAbsent(key(MonthlyReports.MONTH, month.toString()), k -> new Tally()));
            found.add(whole.computeIfAbsent(key(MonthlyReports.WEEKDAY, Integer.toString(weekday)), k -> new Tally()));
            found.add(whole.computeIfAbsent(key(MonthlyReports.HOUR, Integer.toString(hour)), k -> new Tally()));
        }
        return found;
    }

    /** Every row, zeros included: administration first, then services by code; month, weekdays, hours. */
    public List<ReportRow> rows() {
        List<ReportRow> rows = new ArrayList<>();
        if (administration) {
            rows.addAll(rowsOf("administration", null, whole));
        }
        byService.forEach((code, tallies) -> rows.addAll(rowsOf("service", code, tallies)));
        return rows;
    }

    private List<ReportRow> rowsOf(String scope, String service, Map<String, Tally> tallies) {
        List<ReportRow> rows = new ArrayList<>(32);
        rows.add(tallies.getOrDefault(key(MonthlyReports.MONTH, month.toString()), new Tally())
                .row(scope, service, MonthlyReports.MONTH, month.toString()));
        for (int day = 1; day <= 7; day++) {
            rows.add(tallies.getOrDefault(key(MonthlyReports.WEEKDAY, Integer.toString(day)), new Tally())
                    .row(scope, service, MonthlyReports.WEEKDAY, Integer.toString(day)));
        }
        for (int hour = 0; hour < 24; hour++) {
            rows.add(tallies.getOrDefault(key(MonthlyReports.HOUR, Integer.toString(hour)), new Tally())
                    .row(scope, service, MonthlyReports.HOUR, Integer.toString(hour)));
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
}
