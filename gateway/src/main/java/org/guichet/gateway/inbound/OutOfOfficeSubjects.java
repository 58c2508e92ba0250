package org.guichet.gateway.inbound;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subjects that autoresponders write at the start of their replies, in French and English
 * first, then German, Spanish, Italian and Dutch: « Réponse automatique : », « Absent(e) du
 * bureau », "Out of Office:", "Automatic reply:", "Abwesenheitsnotiz", "Respuesta automática",
 * "Risposta automatica", "Afwezig", …
 *
 * <p>A subject is compared without case, accents or typographic variants (’ for ', non-breaking
 * spaces), and only at its start, where autoresponders put their prefix. A citizen's
 * {@code Re: Votre dossier} whose text speaks of an absence is not matched. Short phrases a
 * person might also start a subject with (« Je suis absent », "Afwezig") count only when nothing
 * but a separator or a return date follows: « Je suis absent le 12 mars, pouvez-vous décaler ? »
 * is a request, not an autoresponder.
 */
final class OutOfOfficeSubjects {

    /** Phrases that, at the start of a subject, are an autoresponder's whatever follows. */
    private static final List<String> PREFIXES = List.of(
            // French
            "reponse automatique", "reponse auto\\b", "repondeur automatique",
            "absen(?:ce|t|te|t\\(e\\)|t\\.e|t-e) du bureau", "message d'absence", "avis d'absence",
            "notification d'absence",
            // English
            "out of (?:the )?office", "out-of-office", "automatic reply", "auto[- ]?reply", "autoreply",
            "auto[- ]?response", "autoresponder", "automated reply", "automated response",
            // German
            "abwesenheitsnotiz", "automatische antwort", "abwesenheitsmeldung", "automatische abwesenheitsnotiz",
            // Spanish
            "respuesta automatica", "fuera de la oficina",
            // Italian
            "risposta automatica", "fuori (?:ufficio|sede)",
            // Dutch
            "automatisch antwoord", "afwezigheidsbericht", "afwezigheidsmelding");

    /** Phrases a person may also begin with: they count only with a separator or a date after them. */
    private static final List<String> SHORT_PHRASES = List.of(
            "je suis (?:actuellement )?absent(?:e|\\(e\\)|\\.e)?", "abwesend", "afwezig", "ausente", "assente");

    /** What may follow a short phrase: the end, a separator, or when the absence ends. */
    private static final String SHORT_PHRASE_END =
            "(?:\\s*[.!]*\\s*$|\\s*[:\\-–—|/]|\\s+(?:jusqu|until|bis |hasta |fino |tot |du bureau))";

    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:(?:" + String.join("|", PREFIXES) + ")|(?:" + String.join("|", SHORT_PHRASES) + ")"
                    + SHORT_PHRASE_END + ")");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern LEADING = Pattern.compile("^[\\s\\[(*«\"'<]+");

    private OutOfOfficeSubjects() {
    }

    /** Whether a decoded subject starts as an autoresponder's does. */
    static boolean matches(String subject) {
        return subject != null && SUBJECT.matcher(normalise(subject)).find();
    }

    static String normalise(String subject) {
        String text = Normalizer.normalize(subject, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'').replace('`', '\'');
        text = SPACES.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        return LEADING.matcher(text).replaceAll("");
    }
}
