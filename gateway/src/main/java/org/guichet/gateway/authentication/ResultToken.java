package org.guichet.gateway.authentication;

import java.util.Locale;

/**
 * A value of the authentication results written as its lower-case name, as in an
 * {@code Authentication-Results} header (RFC 8601) or a DMARC record: {@code pass},
 * {@code quarantine}, {@code relaxed}.
 */
public interface ResultToken {

    String name();

    /** The value as written: its name in lower case. */
    default String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} that {@code token} writes, in any case and with spaces around it. */
    static <E extends Enum<E> & ResultToken> E parse(Class<E> type, String token) {
        return Enum.valueOf(type, token.strip().toUpperCase(Locale.ROOT));
    }
}
