package org.guichet.gateway.language;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages Guichet writes to citizens in: those of French and Belgian administrations
 * (French, Dutch, German), and English. The order is the order of a letter written in several:
 * French first (loi n° 94-665 du 4 août 1994, article 1: French is the language of public services).
 * A notice's language picks its replacement sentence; a reply's picks its acknowledgement.
 */
public enum Language {
    FRENCH("fr", Locale.FRENCH),
    ENGLISH("en", Locale.ENGLISH),
    DUTCH("nl", Locale.of("nl")),
    GERMAN("de", Locale.GERMAN);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** ISO 639-1 code, as in settings, template names and Content-Language (RFC 3282). */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of an ISO 639-1 code, in any case, surrounding blanks ignored. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
