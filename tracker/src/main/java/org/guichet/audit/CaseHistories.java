package org.guichet.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.guichet.sla.SlaEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads case histories from the event log ({@code case_event}) for the SLA clocks, a page
 * of cases at a time so that memory stays bounded however many cases a report covers.
 *
 * <p>Only the log is read: SLA figures are a pure function of the log, the policy versions
 * and the calendars, so the mutable tables ({@code citizen_case.status}, {@code case_message})
 * play no part. Event types map as follows:
 * <ul>
 *   <li>{@code CASE_OPENED}: its service ({@code payload.service}, a service id);</li>
 *   <li>{@code RECEIVED}: automatic when {@code payload.author} is {@code automatic}, or when a
 *       {@code CLASSIFIED_AUTOMATIC} of the case names the same {@code queueId} (RFC 3834
 *       auto-replies, delivery reports, out-of-office: kept apart from the SLA);</li>
 *   <li>{@code ACKNOWLEDGED}, {@code REOPENED}, {@code CLASSIFIED_AUTOMATIC}: as they are;</li>
 *   <li>{@code ANSWERED}: an answer by a person, unless {@code payload.automatic} is true;</li>
 *   <li>{@code CLOSED}: the status becomes {@code closed}; {@code STATUS_CHANGED}: the status
 *       of {@code payload.status};</li>
 *   <li>{@code TRANSFERRED}: the service of {@code payload.service} (id) or
 *       {@code payload.serviceCode};</li>
 *   <li>anything else ({@code LINKED}, …) bears on no clock and is left out.</li>
 * </ul>
 */
@Component
public record CaseHistories(JdbcClient jdbc, AuditProperties properties) {

    /**
     * Ids of the cases with a message from a person (not automatic) received in
     * [{@code from}, {@code to}) and not after {@code asOf}, in id order.
     */
    public long[] withPeopleMessagesBetween(Instant from, Instant to, Instant asOf) {
        return withPeopleMessagesBetween(from, to, asOf, null);
    }

    /** As {@link #withPeopleMessagesBetween(Instant, Instant, Instant)}, only cases of {@code channel} (null: all). */
    public long[] withPeopleMessagesBetween(Instant from, Instant to, Instant asOf, Channel channel) {
        Instant end = to.isAfter(asOf) ? asOf.plusNanos(1000) : to;
        return jdbc.sql("""
                        select distinct e.case_id from case_event e join citizen_case c on c.id = e.case_id
                        where e.type = 'RECEIVED' and e.occurred_at >= :from and e.occurred_at < :to
                          and coalesce(e.payload ->> 'author', '') <> 'automatic'""" + channelCondition(channel, "c") + """

                        order by 1""")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(end))
                .query((rs, n) -> rs.getLong(1)).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** The history of one case, events after {@code asOf} left out. */
    public Optional<CaseHistory> history(long caseId, Instant asOf) {
        List<CaseHistory> found = new ArrayList<>();
        forEach(new long[] {caseId}, asOf, found::add);
        return found.stream().findFirst();
    }

    /**
     * Gives {@code consumer} the history of each case of {@code caseIds}, in the order given,
     * events after {@code asOf} left out; reads {@code guichet.audit.cases-per-page} cases at a time.
     */
    public void forEach(long[] caseIds, Instant asOf, Consumer<CaseHistory> consumer) {
        Map<Long, String> services = serviceCodes();
        int pageSize = properties.casesPerPage();
        for (int start = 0; start < caseIds.length; start += pageSize) {
            long[] page = Arrays.copyOfRange(caseIds, start, Math.min(caseIds.length, start + pageSize));
            String ids = Arrays.stream(page).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
            Map<Long, String> references = jdbc.sql(
                            "select id, reference from citizen_case where id = any(cast(:ids as bigint[]))")
                    .param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<LoggedEvent> rows = jdbc.sql("""
                            select e.case_id, e.type, e.occurred_at, e.payload ->> 'author',
                                   e.payload ->> 'queueId', e.payload ->> 'service', e.payload ->> 'serviceCode',
                                   e.payload ->> 'status', e.payload ->> 'automatic'
                            from case_event e
                            where e.case_id = any(cast(:ids as bigint[])) and e.occurred_at <= :asOf
                            order by e.case_id, e.seq""")
                    .param("ids", ids).param("asOf", java.sql.Timestamp.from(asOf))
                    .query(CaseHistories::row).list();
            Map<Long, List<LoggedEvent>> byCase = rows.stream().collect(Collectors.groupingBy(LoggedEvent::caseId));
            for (long id : page) {
                List<LoggedEvent> events = byCase.get(id);
                if (events != null) {
                    consumer.accept(new CaseHistory(id, references.get(id), slaEvents(events, services)));
                }
            }
        }
    }

    /**
     * The SQL condition ({@code and …}) keeping the cases of {@code channel}, on the
     * {@code citizen_case} aliased {@code alias}; empty for every channel.
     */
    static String channelCondition(Channel channel, String alias) {
        if (channel == null) {
            return "";
        }
        return " and " + alias + ".conversation_id is " + (channel == Channel.REPLY ? "not null" : "null");
    }

    /** Service id → code, from the {@code service} table. */
    Map<Long, String> serviceCodes() {
        return jdbc.sql("select id, code from service").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The events of one case as the SLA clocks read them, mapped as this class says; shared
     * with the recomputation of a report from an export, so that both read a log alike.
     *
     * @param rows     the case's events in log order
     * @param services service id → code, for the {@code service} member of {@code CASE_OPENED}
     */
    public static List<SlaEvent> slaEvents(List<LoggedEvent> rows, Map<Long, String> services) {
        Set<String> classified = new HashSet<>();
        for (LoggedEvent row : rows) {
            if (row.type().equals("CLASSIFIED_AUTOMATIC") && row.queueId() != null) {
                classified.add(row.queueId());
            }
        }
        List<SlaEvent> events = new ArrayList<>(rows.size());
        for (LoggedEvent row : rows) {
            Instant at = row.at();
            switch (row.type()) {
                case "CASE_OPENED" -> events.add(SlaEvent.opened(at, service(row, services)));
                case "RECEIVED" -> events.add("automatic".equals(row.author())
                        || (row.queueId() != null && classified.contains(row.queueId()))
                        ? SlaEvent.receivedAutomatic(at) : SlaEvent.received(at));
                case "CLASSIFIED_AUTOMATIC" -> events.add(
                        new SlaEvent(SlaEvent.Type.CLASSIFIED_AUTOMATIC, at, true, null, null));
                case "ACKNOWLEDGED" -> events.add(SlaEvent.acknowledged(at));
                case "ANSWERED" -> events.add(new SlaEvent(SlaEvent.Type.ANSWERED, at,
                        "true".equals(row.automatic()), null, null));
                case "CLOSED" -> events.add(SlaEvent.statusChanged(at, SlaEvent.CLOSED));
                case "STATUS_CHANGED" -> {
                    if (row.status() != null) {
                        events.add(SlaEvent.statusChanged(at, row.status()));
                    }
                }
                case "REOPENED" -> events.add(SlaEvent.reopened(at));
                case "TRANSFERRED" -> events.add(SlaEvent.transferred(at, service(row, services)));
                default -> {
                    // LINKED and other evidence: no clock reads them.
                }
            }
        }
        return events;
    }

    private static String service(LoggedEvent row, Map<Long, String> services) {
        if (row.serviceCode() != null) {
            return row.serviceCode();
        }
        if (row.service() != null) {
            try {
                String code = services.get(Long.parseLong(row.service()));
                if (code != null) {
                    return code;
                }
            } catch (NumberFormatException e) {
                return row.service();
            }
        }
        throw new IllegalStateException(row.type() + " of case " + row.caseId() + " at " + row.at()
                + " names no known service");
    }

    private static LoggedEvent row(ResultSet rs, int n) throws SQLException {
        return new LoggedEvent(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }

}
