package org.guichet.gateway.acknowledgement;

/** The languages of an acknowledgement, in the order they appear: French first (CRPA), then English. */
enum Language {
    FRENCH("fr"),
    ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The prefix of its template files: {@code fr.txt}, {@code fr-acceptance.txt}… */
    String code() {
        return code;
    }
}
