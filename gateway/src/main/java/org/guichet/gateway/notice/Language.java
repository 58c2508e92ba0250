package org.guichet.gateway.notice;

/** Language of a recognised notice; picks the replacement sentence. */
enum Language {
    FRENCH("fr"),
    ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
