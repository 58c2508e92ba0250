package org.guichet.casework;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a case stands. Only {@link #CLOSED} ends it; {@link #WAITING_CITIZEN} pauses its SLA
 * clocks (the default pausing status of every policy), and a citizen's message returns a
 * waiting or answered case to {@link #OPEN}.
 */
public enum CaseStatus {
    /** Received; no person has taken it yet. */
    NEW,
    /** A person works on it. */
    OPEN,
    /** The service waits for the citizen (a document, an answer to a question). */
    WAITING_CITIZEN,
    /** A person answered; the case stays open until closed or the citizen writes again. */
    ANSWERED,
    /** Done. A later citizen message reopens it or opens a linked case. */
    CLOSED;

    /** The value stored in {@code citizen_case.status}, written in events and in JSON. */
    @JsonValue
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CaseStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** The status a person typed or a form sent ({@code waiting_citizen}, {@code open}, …), if it is one. */
    public static Optional<CaseStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(value.strip().replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
