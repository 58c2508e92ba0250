package org.guichet.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.audit.CaseHistories;
import org.guichet.sla.ClockState;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaPolicyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A service's figures for its supervisor. The backlog is read from the cases' current state
 * and the escalation flags; the weekly figures are recomputed with {@link SlaClock} from the
 * event log, the policy versions and the calendars, as the monthly reports are.
 */
@Component
public record ServiceSupervision(JdbcClient jdbc, CaseHistories histories, SlaPolicyStore policies,
        ServiceCalendars calendars, Clock clock) {

    public Backlog backlog(long serviceId) {
        return jdbc.sql("""
                        select count(*) as open,
                               count(*) filter (where c.assignee_id is null) as unassigned,
                               count(*) filter (where c.status = 'waiting_citizen') as waiting,
                               count(*) filter (where exists (select 1 from case_flag f
                                                where f.case_id = c.id and f.kind = 'BREACH')) as breached,
                               count(*) filter (where exists (select 1 from case_flag f
                                                where f.case_id = c.id and f.kind = 'WARNING')
                                                and not exists (select 1 from case_flag f
                                                where f.case_id = c.id and f.kind = 'BREACH')) as due_soon,
                               count(*) filter (where exists (select 1 from case_flag f
                                                where f.case_id = c.id)) as escalated
                        from citizen_case c where c.service_id = :service and c.status <> 'closed'""")
                .param("service", serviceId)
                .query((rs, n) -> new Backlog(rs.getLong("open"), rs.getLong("unassigned"), rs.getLong("waiting"),
                        rs.getLong("breached"), rs.getLong("due_soon"), rs.getLong("escalated")))
                .single();
    }

    /** The last {@code count} weeks, oldest first, the current week last. */
    public List<Week> weeks(long serviceId, int count, ZoneId zone) {
        Instant asOf = clock.instant();
        LocalDate thisMonday = asOf.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(count - 1L);
        Instant from = firstMonday.atStartOfDay(zone).toInstant();
        record Opened(long id, Instant at) {
        }
        List<Opened> cases = jdbc.sql("""
                        select id, opened_at from citizen_case
                        where service_id = :service and opened_at >= :from and opened_at <= :asOf order by id""")
                .param("service", serviceId).param("from", Timestamp.from(from)).param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> new Opened(rs.getLong("id"), rs.getTimestamp("opened_at").toInstant())).list();
        Map<Long, Integer> weekOf = new HashMap<>();
        for (Opened c : cases) {
            LocalDate day = c.at().atZone(zone).toLocalDate();
            weekOf.put(c.id(), (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, day));
        }
        int[] received = new int[count];
        int[] met = new int[count];
        int[] breached = new int[count];
        List<List<Duration>> answered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answered.add(new ArrayList<>());
        }
        SlaClock slaClock = new SlaClock(policies.loadAll(), calendars);
        histories.forEach(cases.stream().mapToLong(Opened::id).toArray(), asOf, history -> {
            int week = weekOf.get(history.caseId());
            received[week]++;
            slaClock.figures(history.events(), asOf).firstAnswer().ifPresent(answer -> {
                if (answer.state() == ClockState.MET) {
                    met[week]++;
                } else if (answer.state() == ClockState.BREACHED) {
                    breached[week]++;
                }
            });
            firstHumanAnswer(history.events()).ifPresent(answered.get(week)::add);
        });
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(new Week(firstMonday.plusWeeks(i), received[i], met[i], breached[i], median(answered.get(i))));
        }
        return weeks;
    }

    /** From the citizen's first message to a person's first answer, in wall-clock time. */
    static java.util.Optional<Duration> firstHumanAnswer(List<SlaEvent> events) {
        Instant first = null;
        for (SlaEvent event : events) {
            if (event.type() == SlaEvent.Type.RECEIVED && !event.automatic() && first == null) {
                first = event.at();
            } else if (event.type() == SlaEvent.Type.ANSWERED && !event.automatic() && first != null) {
                return java.util.Optional.of(Duration.between(first, event.at()));
            }
        }
        return java.util.Optional.empty();
    }

    private static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
