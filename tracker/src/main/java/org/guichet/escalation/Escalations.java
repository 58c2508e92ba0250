package org.guichet.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.administration.AdministrationProperties;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.BusinessCalendars;
import org.guichet.casework.CaseEventType;
import org.guichet.casework.EventLog;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaPolicyStore;
import org.guichet.sla.SlaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the escalation sweep over the open cases and raises the flags it decides: a row in
 * {@code case_flag}, a {@code FLAGGED} event (and {@code PRIORITY_RAISED} for a third message),
 * and a notice to the service's supervisors.
 *
 * <p>Safe on several nodes at once: each flag is raised in a transaction of its own that
 * starts with {@code insert … on conflict do nothing} on the flag's unique key. A second node
 * waits on that key until the first commits, then inserts nothing and notifies nobody. The
 * notice is spooled before the commit: a crash in between sends it again at the next sweep
 * rather than never (at least once, and once when nothing fails).
 *
 * <p>Cost of a sweep: open cases are read by pages of {@code pageSize} in id order (a partial
 * index on open cases); per page, one query for the events and one for the flags already
 * raised, then {@link EscalationSweep} per case in memory. Time O(events of open cases), memory
 * O(events of one page); closed cases are never read.
 */
@Component
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    /** citizen_case.priority, lowest first. */
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final SlaPolicyStore policies;
    private final BusinessCalendars calendars;
    private final Period window;
    private final AdministrationProperties supervisors;
    private final Clock clock;
    private final CaseLogReader reader;

    public Escalations(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            SlaPolicyStore policies, BusinessCalendars calendars, SlaProperties sla,
            AdministrationProperties supervisors, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.policies = policies;
        this.calendars = calendars;
        this.window = sla.approachingWindow();
        this.supervisors = supervisors;
        this.clock = clock;
        this.reader = new CaseLogReader(jdbc);
    }

    /**
     * One sweep over every open case, at the gateway's clock.
     *
     * @param pageSize open cases read at once
     * @param notifier how notices reach the supervisors
     */
    public SweepReport sweep(int pageSize, EscalationNotifier notifier) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " is not positive");
        }
        Instant asOf = clock.instant();
        Map<Long, ServiceRow> services = services();
        Map<Long, String> codes = new HashMap<>();
        Map<String, ServiceRow> byCode = new HashMap<>();
        services.values().forEach(s -> {
            codes.put(s.id(), s.code());
            byCode.put(s.code(), s);
        });
        Map<String, BusinessCalendar> calendarOf = new HashMap<>();
        ServiceCalendars serviceCalendars = code -> calendarOf.computeIfAbsent(code, c -> {
            ServiceRow service = byCode.get(c);
            if (service == null) {
                throw new IllegalArgumentException("no service '" + c + "'");
            }
            return calendars.get(service.calendar());
        });
        EscalationSweep sweep = new EscalationSweep(policies.loadAll(), serviceCalendars, window);

        int cases = 0;
        int raised = 0;
        int notified = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            List<OpenCase> page = jdbc.sql("""
                            select id, reference, service_id from citizen_case
                            where status <> 'closed' and id > :after order by id limit :limit""")
                    .param("after", after).param("limit", pageSize)
                    .query((rs, n) -> new OpenCase(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            List<Long> ids = page.stream().map(OpenCase::id).toList();
            Map<Long, List<SlaEvent>> logs = reader.read(ids, codes);
            Map<Long, Set<CaseFlag>> already = raisedFlags(ids);
            for (OpenCase open : page) {
                cases++;
                try {
                    ServiceRow service = services.get(open.serviceId());
                    List<Escalation> decided = sweep.decide(logs.getOrDefault(open.id(), List.of()), asOf,
                            already.getOrDefault(open.id(), Set.of()));
                    for (Escalation escalation : decided) {
                        Outcome outcome = raise(open, service, serviceCalendars.of(service.code()), escalation, asOf,
                                notifier);
                        raised += outcome == Outcome.ALREADY_RAISED ? 0 : 1;
                        notified += outcome == Outcome.NOTIFIED ? 1 : 0;
                    }
                } catch (RuntimeException e) {
                    // One case's trouble (a log without its service, a notice the spool refused) stops no other case.
                    failed++;
                    log.warn("case {}: escalation failed, next sweep retries: {}", open.reference(), e.toString());
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        return new SweepReport(asOf, cases, raised, notified, failed);
    }

    private Outcome raise(OpenCase open, ServiceRow service, BusinessCalendar calendar, Escalation escalation,
            Instant asOf, EscalationNotifier notifier) {
        CaseFlag flag = escalation.flag();
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Long> inserted = jdbc.sql("""
                            insert into case_flag (case_id, kind, metric, clock, raised_at)
                            values (:caseId, :kind, :metric, :clock, :now)
                            on conflict on constraint case_flag_once do nothing returning id""")
                    .param("caseId", open.id()).param("kind", flag.kind().name()).param("metric", flag.metric())
                    .param("clock", flag.clock()).param("now", Timestamp.from(now))
                    .query(Long.class).optional();
            if (inserted.isEmpty()) {
                return Outcome.ALREADY_RAISED;
            }
            String[] priority = flag.kind() == FlagKind.THIRD_MESSAGE_WITHOUT_ANSWER ? raisePriority(open.id()) : null;
            List<String> to = supervisors.supervisors(service.code());
            String notice = to.isEmpty() ? null : notifier.send(new EscalationNotice(open.reference(), service.code(),
                    service.name(), calendar.zone(), to, escalation, asOf));

            // Codes, dates and the notice's queue id only: the log cannot be edited (GDPR).
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", flag.kind().name());
            payload.put("metric", flag.metric());
            payload.put("clock", flag.clock());
            escalation.clock().flatMap(c -> c.dueDate()).ifPresent(due -> payload.put("due", due.toString()));
            escalation.decision().ifPresent(d -> payload.put("decisionDate", d.decisionDate().toString()));
            if (escalation.unansweredMessages() > 0) {
                payload.put("unansweredMessages", escalation.unansweredMessages());
            }
            payload.put("supervisors", to.size());
            if (notice != null) {
                payload.put("notice", notice);
            }
            events.append(open.id(), CaseEventType.FLAGGED, now, payload);
            if (priority != null) {
                events.append(open.id(), CaseEventType.PRIORITY_RAISED, now,
                        Map.of("from", priority[0], "to", priority[1], "flag", flag.kind().name()));
            }
            String what = "case " + open.reference() + ": flag=" + flag.kind().name().toLowerCase(Locale.ROOT)
                    + " metric=" + flag.metric() + " clock=" + flag.clock()
                    + (priority == null ? "" : " priority=" + priority[0] + "->" + priority[1]);
            if (notice == null) {
                log.info("{} status=flagged (no supervisors: set guichet.administration.services.{}.supervisors)", what,
                        service.code());
                return Outcome.FLAGGED;
            }
            log.info("{} notice={} nsupervisors={} status=notified", what, notice, to.size());
            return Outcome.NOTIFIED;
        });
    }

    /** One step up, {@code urgent} staying {@code urgent}; returns {from, to}, or null when unchanged. */
    private String[] raisePriority(long caseId) {
        String current = jdbc.sql("select priority from citizen_case where id = :id for update")
                .param("id", caseId).query(String.class).single();
        int level = PRIORITIES.indexOf(current);
        if (level < 0 || level == PRIORITIES.size() - 1) {
            return null;
        }
        String next = PRIORITIES.get(level + 1);
        jdbc.sql("update citizen_case set priority = :p where id = :id").param("p", next).param("id", caseId).update();
        return new String[] {current, next};
    }

    private Map<Long, Set<CaseFlag>> raisedFlags(List<Long> ids) {
        Map<Long, Set<CaseFlag>> raised = new HashMap<>();
        jdbc.sql("select case_id, kind, metric, clock from case_flag where case_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> raised.computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
                        .add(new CaseFlag(FlagKind.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4))))
                .list();
        return raised;
    }

    private Map<Long, ServiceRow> services() {
        Map<Long, ServiceRow> services = new HashMap<>();
        jdbc.sql("select id, code, name, calendar from service")
                .query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(s -> services.put(s.id(), s));
        return services;
    }

    /** The flags raised on a case, oldest first. */
    public List<RaisedFlag> flags(long caseId) {
        return jdbc.sql("select kind, metric, clock, raised_at from case_flag where case_id = :id order by id")
                .param("id", caseId)
                .query((rs, n) -> new RaisedFlag(new CaseFlag(FlagKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getInt(3)), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** A flag as recorded, with the gateway's time it was raised at. */
    public record RaisedFlag(CaseFlag flag, Instant raisedAt) {
    }

    private enum Outcome {
        ALREADY_RAISED, FLAGGED, NOTIFIED
    }

    private record OpenCase(long id, String reference, long serviceId) {
    }

    private record ServiceRow(long id, String code, String name, String calendar) {
    }
}
