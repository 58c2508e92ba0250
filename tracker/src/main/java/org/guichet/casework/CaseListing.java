package org.guichet.casework;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists cases for the agents' queue: filtered by service, status and threading, newest first,
 * by pages, with the full count. Reads only.
 */
@Component
public class CaseListing {

    /** Largest page a caller may ask for; the total is never capped. */
    public static final int MAX_PAGE_SIZE = 500;

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
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = bind(jdbc.sql("select count(*) from citizen_case c join service s on s.id = c.service_id" + where),
                filter).query(Long.class).single();
        List<CaseSummary> items = bind(jdbc.sql("""
                        select c.reference, s.code, c.status, c.unthreaded, c.priority, c.citizen_address,
                               (select m.subject from case_message m where m.case_id = c.id
                                order by m.received_at, m.id limit 1) as subject,
                               c.opened_at, c.closed_at,
                               (select count(*) from case_message m where m.case_id = c.id) as messages,
                               (select max(m.received_at) from case_message m where m.case_id = c.id) as last_at,
                               exists (select 1 from agent_answer a where a.case_id = c.id) as answered
                        from citizen_case c join service s on s.id = c.service_id""" + where
                        + " order by c.opened_at desc, c.id desc limit :limit offset :offset"), filter)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    Timestamp last = rs.getTimestamp("last_at");
                    return new CaseSummary(rs.getString("reference"), rs.getString("code"),
                            CaseStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                            rs.getBoolean("unthreaded"), rs.getString("priority"), rs.getString("citizen_address"),
                            rs.getString("subject"), rs.getTimestamp("opened_at").toInstant(),
                            closed == null ? null : closed.toInstant(), rs.getLong("messages"),
                            last == null ? null : last.toInstant(), rs.getBoolean("answered"));
                })
                .list();
        return new CasePage(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CaseFilter filter) {
        if (filter.serviceCode() != null) {
            statement = statement.param("service", filter.serviceCode());
        }
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name().toLowerCase(Locale.ROOT));
        }
        if (filter.unthreaded() != null) {
            statement = statement.param("unthreaded", filter.unthreaded());
        }
        return statement;
    }
}
