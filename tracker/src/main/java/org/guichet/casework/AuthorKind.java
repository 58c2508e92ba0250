package org.guichet.casework;

import java.util.Locale;

/** Who wrote a case message. */
public enum AuthorKind {
    /** The person Guichet wrote to. */
    CITIZEN,
    /** Someone else writing about the citizen's case (mandataire, social worker, family). */
    THIRD_PARTY,
    /** An autoresponder, a delivery report, a mailing list: kept, but apart from the SLA. */
    AUTOMATIC,
    /** An agent's answer. */
    AGENT,
    /** Guichet's acknowledgement of receipt (CRPA L112-11). */
    ACKNOWLEDGEMENT,
    /** A notice Guichet sent for the service, e.g. that another service now holds the request (CRPA L114-2). */
    NOTICE;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuthorKind of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
