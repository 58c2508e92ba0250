package org.guichet.casework;

import java.util.Locale;

/**
 * What a citizen's reply to a closed case does, per service ({@code service.closed_case_reply}):
 * reopen the case, or open a new case linked to it (so that a closed case's SLA figures stay
 * as they were when it closed).
 */
public enum ClosedCaseReply {
    REOPEN, LINK;

    static ClosedCaseReply of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
