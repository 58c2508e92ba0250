package org.guichet.gateway.notice;

import java.util.Locale;
import java.util.Optional;

/**
 * The sentences that replace a notice: the service's French sentence, and an English one used
 * when the notice found was English (the French one otherwise).
 *
 * @param french  French sentence, commitment already filled in
 * @param english English sentence, commitment already filled in, if the service has one
 */
record NoticeReplacement(String french, Optional<String> english) {

    static final String COMMITMENT = "{commitment}";

    /** French typography puts a non-breaking space before a colon. */
    static final String DEFAULT_FRENCH = "Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra " + COMMITMENT + ".";

    NoticeReplacement {
        if (french.isBlank()) {
            throw new IllegalArgumentException("the replacement sentence is blank");
        }
    }

    /** Fills the {@code {commitment}} placeholder; an empty commitment takes the space before it along. */
    static String fill(String template, String commitment) {
        if (commitment.isBlank()) {
            return template.replace(" " + COMMITMENT, "").replace(COMMITMENT, "").strip();
        }
        return template.replace(COMMITMENT, commitment.strip()).strip();
    }

    String sentenceFor(Language language) {
        return language == Language.ENGLISH ? english.orElse(french) : french;
    }

    /**
     * The sentence as it should appear where {@code match} was: in lower case after a lead word and
     * a comma, and without its final full stop when the same line goes on with {@code , ; :}.
     */
    String render(NoticeMatch match, String following) {
        String sentence = sentenceFor(match.language());
        if (match.afterComma() && sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0))
                && !Character.isUpperCase(sentence.charAt(1))) {
            sentence = sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1);
        }
        int k = 0;
        while (k < following.length() && (following.charAt(k) == ' ' || following.charAt(k) == '\u00A0' || following.charAt(k) == '\u202F')) {
            k++;
        }
        char next = k < following.length() ? following.charAt(k) : '\n';
        if ((next == ',' || next == ';' || next == ':') && sentence.endsWith(".")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        return sentence;
    }
}
