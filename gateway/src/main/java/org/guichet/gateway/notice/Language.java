package org.guichet.gateway.notice;

import java.util.Locale;
import java.util.Optional;

/** Language of a recognised notice; picks the replacement sentence. */
enum Language {
    FRENCH("fr"),
    ENGLISH("en"),
    DUTCH("nl"),
    GERMAN("de");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<Language> of(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
