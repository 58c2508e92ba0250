package org.guichet.noreply;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The "do not reply" sentences written in the corpus, and the sentence Guichet puts in their
 * place. A text is compared with its rewritten form after each notice (in the original) and each
 * replacement (in the copy) became the same mark: equal marked texts mean that the notices, and
 * nothing else, were replaced. White space is compared loosely (a replaced sentence may be
 * re-wrapped); U+00A0 and U+202F count as spaces (French typography before a colon).
 */
final class NoticeSentences {

    /** Stands for a notice or its replacement in a marked text. */
    static final String MARK = "\u27e6notice\u27e7";

    static final String REPLACEMENT =
            "Vous pouvez répondre directement à ce message : un agent vous répondra sous 5 jours ouvrés";
    /** An English notice gets the sentence in English (the node's English commitment). */
    static final String REPLACEMENT_ENGLISH =
            "You can reply directly to this message: an agent will answer you within 5 working days";

    /** The notices as the corpus writes them, whole sentences and the runs Guichet treats as one. */
    private static final List<String> WRITTEN = List.of(
            "Merci de ne pas répondre à ce message",
            "Merci de ne pas répondre à ce courriel",
            "Merci de ne pas y répondre",
            "Ne répondez pas à ce courriel",
            "Il n'est pas nécessaire de répondre à ce courriel",
            "Il est inutile de répondre à ce courriel",
            "Vous ne pouvez pas répondre à ce message",
            "Les réponses envoyées à cette adresse ne sont pas lues",
            "Cette adresse électronique n'est pas consultée",
            "Cette adresse e-mail ne peut pas recevoir de messages",
            "Cette adresse mail n'est pas surveillée",
            "Ceci est un message automatique, merci de ne pas y répondre",
            "Ce message vous est envoyé automatiquement, merci de ne pas y répondre",
            "Ce message est envoyé automatiquement, merci de ne pas y répondre",
            "Ce courriel vous a été envoyé automatiquement. Merci de ne pas y répondre",
            "Ce mail est envoyé automatiquement. Merci de ne pas répondre à cet email",
            "Ce message est généré automatiquement. Merci de ne pas y répondre",
            "Ce courriel a été envoyé depuis une adresse qui ne peut pas recevoir de messages",
            "Ce courriel a été envoyé depuis une adresse qui ne peut pas recevoir de messages. Merci de ne pas y répondre",
            "Le présent courriel est généré automatiquement : nous vous remercions de ne pas y répondre",
            "Please do not reply to this email",
            "This mailbox is not monitored");

    /** Longest first, so that a run is marked as one before its clauses are. */
    private static final List<Pattern> NOTICES = WRITTEN.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(NoticeSentences::sentence).toList();

    private static final Pattern REPLACED = Pattern.compile(sentence(REPLACEMENT).pattern() + "|"
            + sentence(REPLACEMENT_ENGLISH).pattern());

    /** Folded fragments that only a "do not reply" notice holds; none may survive the rewriting. */
    private static final List<String> MARKERS = List.of("ne pas repondre", "ne pas y repondre", "ne repondez pas",
            "inutile de repondre", "pas necessaire de repondre", "ne pouvez pas repondre", "ne sont pas lues",
            "n'est pas consultee", "n'est pas surveillee", "ne peut pas recevoir", "do not reply", "not monitored");

    private static final Pattern REPEATED_MARK = Pattern.compile(Pattern.quote(MARK) + "(?: " + Pattern.quote(MARK) + ")+");

    private NoticeSentences() {
    }

    /** Whether a text holds a "do not reply" notice. */
    static boolean hasNotice(String text) {
        String folded = fold(text);
        return MARKERS.stream().anyMatch(folded::contains);
    }

    static boolean hasReplacement(String text) {
        return REPLACED.matcher(spaced(text)).find();
    }

    /** The original text with each notice marked (adjacent notices of two languages become one sentence). */
    static String markNotices(String original) {
        String text = spaced(original);
        for (Pattern notice : NOTICES) {
            text = notice.matcher(text).replaceAll(MARK);
        }
        return REPEATED_MARK.matcher(text).replaceAll(MARK);
    }

    /** The rewritten text with each replacement sentence marked. */
    static String markReplacements(String rewritten) {
        return REPEATED_MARK.matcher(REPLACED.matcher(spaced(rewritten)).replaceAll(MARK)).replaceAll(MARK);
    }

    /** Lower case, accents and typographic apostrophes folded: for searching markers. */
    static String fold(String text) {
        String plain = Normalizer.normalize(spaced(text), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    /** White space runs (no-break spaces included) as one space. */
    static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A sentence, its words separated by any white space, first letter in either case, final stop optional. */
    private static Pattern sentence(String words) {
        StringBuilder regex = new StringBuilder();
        String first = words.substring(0, 1);
        regex.append("(?:").append(Pattern.quote(first.toUpperCase(Locale.ROOT))).append('|')
                .append(Pattern.quote(first.toLowerCase(Locale.ROOT))).append(')');
        String[] parts = words.substring(1).split(" ", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        // "message :" may have lost or gained its space before the colon
        String pattern = regex.toString().replace("\\s+\\Q:\\E", "\\s*\\Q:\\E");
        return Pattern.compile(pattern + "\\.?");
    }
}
