package org.guichet.audit;

import java.time.Instant;
import java.util.List;

import org.guichet.casework.EventLog;
import org.guichet.sla.ClockState;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaFigures;
import org.guichet.sla.SlaPolicyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the SLA figures of every case from its log, as {@code guichet audit verify}
 * does after the hash chain: a case whose log the clocks cannot read (an answer before the
 * case has a service, an unknown service) is a break too. Reads cases by pages of ids.
 */
@Component
public class SlaRecomputation {

    private final JdbcClient jdbc;
    private final CaseHistories histories;
    private final SlaPolicyStore policies;
    private final ServiceCalendars calendars;
    private final int pageSize;

    public SlaRecomputation(JdbcClient jdbc, CaseHistories histories, SlaPolicyStore policies,
            ServiceCalendars calendars, AuditProperties properties) {
        this.jdbc = jdbc;
        this.histories = histories;
        this.policies = policies;
        this.calendars = calendars;
        this.pageSize = properties.casesPerPage();
    }

    /**
     * What the recomputation found.
     *
     * @param cases      cases recomputed
     * @param clocks     clocks computed
     * @param breached   clocks breached at {@code asOf}
     * @param dropped    acknowledgement and answer clocks stopped by the closing of their case
     * @param firstError the first case whose log the clocks cannot read: reference and reason; null if none
     */
    public record Result(long cases, long clocks, long breached, long dropped, String firstError) {
    }

    /** Recomputes every case as of {@code asOf}; tells {@code progress} after each page (cases done, total). */
    public Result recompute(Instant asOf, EventLog.Progress progress) {
        SlaClock clock = new SlaClock(policies.loadAll(), calendars);
        long total = jdbc.sql("select count(*) from citizen_case").query(Long.class).single();
        long[] counts = new long[4];
        String[] error = new String[1];
        long after = 0;
        while (error[0] == null) {
            List<Long> ids = jdbc.sql("select id from citizen_case where id > :after order by id limit :n")
                    .param("after", after).param("n", pageSize).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            histories.forEach(ids.stream().mapToLong(Long::longValue).toArray(), asOf, history -> {
                if (error[0] != null) {
                    return;
                }
                try {
                    SlaFigures figures = clock.figures(history.events(), asOf);
                    counts[0]++;
                    counts[1] += figures.clocks().size();
                    counts[2] += figures.clocks().stream().filter(c -> c.state() == ClockState.BREACHED).count();
                    counts[3] += figures.clocks().stream().filter(c -> c.state() == ClockState.DROPPED).count();
                } catch (RuntimeException e) {
                    error[0] = history.reference() + ": " + e.getMessage();
                }
            });
            after = ids.get(ids.size() - 1);
            progress.checked(counts[0], total);
        }
        return new Result(counts[0], counts[1], counts[2], counts[3], error[0]);
    }
}
