package org.guichet.casework;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists cases for the agents' queues: filtered by scope, service, status, assignee, SLA flag
 * and search words; escalated first, then newest first, by pages, with the full count. Reads only.
 */
@Component
public class CaseListing {

    /** Largest page a caller may ask for; the total is never capped. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final String BREACHED =
            "exists (select 1 from case_flag f where f.case_id = c.id and f.kind = 'BREACH')";
    private static final String WARNED =
            "exists (select 1 from case_flag f where f.case_id = c.id and f.kind = 'WARNING')";

    private static final String FLAG = " case when c.status = 'closed' then null when " + BREACHED
            + " then 'BREACHED' when " + WARNED + " then 'DUE_SOON' end as flag";

    private final JdbcClient jdbc;

    public CaseListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CasePage list(CaseFilter filter, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<String> conditions = new ArrayList<>();
        if (filter.serviceCode() != null) {
            conditions.add("s.code = :service");
        }
        if (filter.status() != null) {
            conditions.add("c.status = :status");
        }
        if (filter.unthreaded() != null) {
            conditions.add("c.unthreaded = :unthreaded");
        }
        if (filter.scope() != null && !filter.scope().everything()) {
            conditions.add(filter.scope().serviceIds().isEmpty() ? "false" : "c.service_id in (:scope)");
        }
        if (filter.active()) {
            conditions.add("c.status <> 'closed'");
        }
        if (filter.assignee() != null) {
            conditions.add("a.username = :assignee");
        }
        if (filter.unassigned()) {
            conditions.add("c.assignee_id is null");
        }
        if (filter.flag() != null) {
            conditions.add("c.status <> 'closed' and " + (filter.flag() == CaseFilter.Flag.BREACHED
                    ? BREACHED : "not " + BREACHED + " and " + WARNED));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            conditions.add("""
                    (c.reference = upper(:search) or lower(c.citizen_address) = lower(:search)
                     or exists (select 1 from case_message m where m.case_id = c.id
                                and m.subject ilike '%' || :searchLike || '%' escape '\\'))""");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        String from = " from citizen_case c join service s on s.id = c.service_id"
                + " left join web_account a on a.id = c.assignee_id";
        long total = bind(jdbc.sql("select count(*)" + from + where), filter).query(Long.class).single();
        List<CaseSummary> items = bind(jdbc.sql("""
                        select c.reference, s.code, c.status, c.unthreaded, c.priority, c.citizen_address,
                               (select m.subject from case_message m where m.case_id = c.id
                                order by m.received_at, m.id limit 1) as subject,
                               c.opened_at, c.closed_at,
                               (select count(*) from case_message m where m.case_id = c.id) as messages,
                               (select max(m.received_at) from case_message m where m.case_id = c.id) as last_at,
                               exists (select 1 from agent_answer x where x.case_id = c.id) as answered,
                               a.username as assignee,""" + FLAG + from + where
                        // Escalated cases first in every queue (priority raised by the sweep), newest first within.
                        + " order by case c.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2"
                        + " else 3 end, c.opened_at desc, c.id desc limit :limit offset :offset"), filter)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    Timestamp last = rs.getTimestamp("last_at");
                    String flag = rs.getString("flag");
                    return new CaseSummary(rs.getString("reference"), rs.getString("code"),
                            CaseStatus.of(rs.getString("status")),
                            rs.getBoolean("unthreaded"), rs.getString("priority"), rs.getString("citizen_address"),
                            rs.getString("subject"), rs.getTimestamp("opened_at").toInstant(),
                            closed == null ? null : closed.toInstant(), rs.getLong("messages"),
                            last == null ? null : last.toInstant(), rs.getBoolean("answered"),
                            rs.getString("assignee"), flag == null ? null : CaseFilter.Flag.valueOf(flag));
                })
                .list();
        return new CasePage(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CaseFilter filter) {
        if (filter.serviceCode() != null) {
            statement = statement.param("service", filter.serviceCode());
        }
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().column());
        }
        if (filter.unthreaded() != null) {
            statement = statement.param("unthreaded", filter.unthreaded());
        }
        if (filter.scope() != null && !filter.scope().everything() && !filter.scope().serviceIds().isEmpty()) {
            statement = statement.param("scope", List.copyOf(filter.scope().serviceIds()));
        }
        if (filter.assignee() != null) {
            statement = statement.param("assignee", filter.assignee());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String search = filter.search().strip();
            statement = statement.param("search", search)
                    .param("searchLike", search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        return statement;
    }
}
