package org.guichet.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** How a {@link Case} is read from {@code citizen_case}: one column list, one mapping. */
final class CaseRows {

    /** Columns of {@code citizen_case} (unaliased), with the assignee's account name. */
    static final String COLUMNS = """
            id, reference, service_id, conversation_id, citizen_address, status, unthreaded, priority, opened_at,
            closed_at, linked_case_id,
            (select a.username from web_account a where a.id = citizen_case.assignee_id) as assignee""";

    private CaseRows() {
    }

    static Case map(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Case(rs.getLong("id"), rs.getString("reference"), rs.getLong("service_id"),
                rs.getObject("conversation_id", Long.class), rs.getString("citizen_address"),
                CaseStatus.of(rs.getString("status")), rs.getBoolean("unthreaded"), rs.getString("priority"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getObject("linked_case_id", Long.class), rs.getString("assignee"));
    }
}
