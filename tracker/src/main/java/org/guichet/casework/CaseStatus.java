package org.guichet.casework;

/** Whether a case still waits for a person's answer. */
public enum CaseStatus {
    OPEN, CLOSED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static CaseStatus of(String column) {
        return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
}
