package org.guichet.casework;

import java.util.Locale;

/** Whether a case message came to Guichet or left it. */
public enum Direction {
    INBOUND, OUTBOUND;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Direction of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
