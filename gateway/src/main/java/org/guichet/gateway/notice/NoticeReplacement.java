package org.guichet.gateway.notice;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.guichet.gateway.language.Language;

/**
 * The sentences that replace a notice, one per language, commitment already filled in; a notice
 * gets the sentence of its own language.
 *
 * @param sentences the sentence of each language; French is always there
 */
record NoticeReplacement(Map<Language, String> sentences) {

    static final String COMMITMENT = "{commitment}";

    /** The shipped sentences; French typography puts a non-breaking space before a colon. */
    static final Map<Language, String> DEFAULTS = Map.of(
            Language.FRENCH, "Vous pouvez répondre directement à ce message\u00A0: un agent vous répondra " + COMMITMENT + ".",
            Language.ENGLISH, "You can reply directly to this message: an agent will answer you " + COMMITMENT + ".",
            Language.DUTCH, "U kunt rechtstreeks op dit bericht antwoorden: een medewerker antwoordt u " + COMMITMENT + ".",
            Language.GERMAN, "Sie können direkt auf diese Nachricht antworten: Eine Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen "
                    + COMMITMENT + ".");

    NoticeReplacement {
        if (!sentences.containsKey(Language.FRENCH)) {
            throw new IllegalArgumentException("no French replacement sentence");
        }
        for (Map.Entry<Language, String> sentence : sentences.entrySet()) {
            if (sentence.getValue().isBlank()) {
                throw new IllegalArgumentException("the " + sentence.getKey().code() + " replacement sentence is blank");
            }
        }
        sentences = Map.copyOf(new EnumMap<>(sentences));
    }

    /** Fills the {@code {commitment}} placeholder; an empty commitment takes the space before it along. */
    static String fill(String template, String commitment) {
        if (commitment == null || commitment.isBlank()) {
            return template.replace(" " + COMMITMENT, "").replace(COMMITMENT, "").strip();
        }
        return template.replace(COMMITMENT, commitment.strip()).strip();
    }

    String sentenceFor(Language language) {
        return sentences.getOrDefault(language, sentences.get(Language.FRENCH));
    }

    /**
     * The sentence as it should appear where {@code match} was: in lower case after a lead word and
     * a comma, and without its final full stop when the same line goes on with {@code , ; :}.
     */
    String render(NoticeMatch match, String following) {
        String sentence = sentenceFor(match.language());
        if (match.afterComma() && sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0))
                && !Character.isUpperCase(sentence.charAt(1)) && match.language() != Language.GERMAN) {
            sentence = sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1);
        }
        int k = 0;
        while (k < following.length() && (following.charAt(k) == ' ' || following.charAt(k) == '\u00A0' || following.charAt(k) == '\u202F')) {
            k++;
        }
        char next = k < following.length() ? following.charAt(k) : '\n';
        if ((next == ',' || next == ';' || next == ':' || next == '-' || next == '\u2013' || next == '(') && sentence.endsWith(".")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        return sentence;
    }
}
