package org.guichet.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** How cases and case messages are read from their tables, for the classes that read them. */
final class CaseRows {

    /** Columns of {@code citizen_case} (unaliased), with the assignee's account name. */
    static final String CASE_COLUMNS = """
            id, reference, service_id, conversation_id, citizen_address, status, unthreaded, priority, opened_at,
            closed_at, linked_case_id,
            (select a.username from web_account a where a.id = citizen_case.assignee_id) as assignee""";

    static final String MESSAGE_COLUMNS = """
            id, case_id, direction, author_kind, third_party, threaded_by, from_address, subject, message_id,
            in_reply_to, queue_id, received_at, visible_text, sanitised_html, automatic_reason, authentication""";

    private CaseRows() {
    }

    static Case caseRow(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Case(rs.getLong("id"), rs.getString("reference"), rs.getLong("service_id"),
                rs.getObject("conversation_id", Long.class), rs.getString("citizen_address"),
                CaseStatus.of(rs.getString("status")), rs.getBoolean("unthreaded"), rs.getString("priority"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getObject("linked_case_id", Long.class), rs.getString("assignee"));
    }

    static CaseMessage messageRow(ResultSet rs, int n) throws SQLException {
        String threading = rs.getString("threaded_by");
        return new CaseMessage(rs.getLong("id"), rs.getLong("case_id"), Direction.of(rs.getString("direction")),
                AuthorKind.of(rs.getString("author_kind")), rs.getBoolean("third_party"),
                threading == null ? null : Threading.valueOf(threading), rs.getString("from_address"),
                rs.getString("subject"), rs.getString("message_id"), rs.getString("in_reply_to"),
                rs.getString("queue_id"), rs.getTimestamp("received_at").toInstant(), rs.getString("visible_text"),
                rs.getString("sanitised_html"), rs.getString("automatic_reason"), rs.getString("authentication"));
    }
}
