package org.guichet.gateway.content;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises, in the plain text of a reply, the lines where a mail client starts the quoted
 * original: an attribution line ("Le … a écrit :", "On … wrote:"), a separator
 * ("-----Message d'origine-----", "----- Mail original -----"), or a block of copied headers
 * ("De : / Envoyé : / À : / Objet :").
 */
final class QuoteMarkers {

    enum Kind { ATTRIBUTION, SEPARATOR, HEADER_BLOCK }

    private enum HeaderKey { SENDER, DATE, OTHER }

    /** Lines {@code [start, end)} of the text form one marker. */
    record Span(int start, int end, Kind kind) {
    }

    private static final String VERBS = String.join("|",
            "wrote", "writes", "a écrit", "a ecrit", "ont écrit", "schrieb", "escribió", "escribio",
            "ha scritto", "schreef", "het volgende geschreven", "escreveu", "skrev");

    /** The attribution ends with the verb and a colon (Zoho and Zimbra put dashes after it). */
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(?iu)(?:^|\\s|>)(?:" + VERBS + ")(?:\\s*:|\\s+-{2,})[\\s-]*$");

    /** Words an attribution opens with: "On", "Le", "Am", "El", "Il", "Op", "Em", "Den". */
    private static final Pattern INTRO = Pattern.compile(
            "(?iu)^[\\s*-]*(?:on|le|am|el|il|op|em|den)\\s");

    /**
     * German and Dutch clients put the verb before the author: "Am 3. März 2025 um 10:02 schrieb
     * X &lt;x@y&gt;:", "Op ma 3 mrt 2025 om 10:02 schreef X &lt;x@y&gt;:".
     */
    private static final Pattern VERB_FIRST_ATTRIBUTION = Pattern.compile(
            "(?iu)^[\\s-]*(?:am|op)\\s.*\\s(?:schrieb|schreef)\\s.*:\\s*$");

    private static final Pattern DIGIT_OR_AT = Pattern.compile("[0-9@]");

    private static final String ORIGINAL = String.join("|",
            "original message", "message d['’]origine", "mail original", "message original", "courriel original",
            "forwarded message", "message transf[ée]r[ée]", "message r[ée]exp[ée]di[ée]",
            "urspr[üu]ngliche nachricht", "original-nachricht", "weitergeleitete nachricht",
            "mensaje original", "mensaje reenviado", "messaggio originale", "messaggio inoltrato",
            "oorspronkelijk bericht", "origineel bericht", "doorgestuurd bericht",
            "mensagem original", "mensagem encaminhada");

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?iu)^[\\s*]*[-_=~]{2,}\\s*(?:" + ORIGINAL + ")\\s*:?\\s*[-_=~]{2,}\\s*$");

    /** Apple Mail and others announce a forward with a sentence and a colon. */
    private static final Pattern FORWARD_INTRO = Pattern.compile(
            "(?iu)^[\\s*]*(?:begin forwarded message|d[ée]but du message r[ée]exp[ée]di[ée]|d[ée]but du message transf[ée]r[ée]"
                    + "|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|inizio messaggio inoltrato"
                    + "|begin doorgestuurd bericht)\\s*:\\s*$");

    private static final String FROM_KEYS = "from|de|von|da|van|od|fra|från|exp[ée]diteur|от";
    private static final String DATE_KEYS = String.join("|",
            "sent", "envoy[ée](?: le)?", "date", "datum", "gesendet", "enviado(?: el)?", "fecha", "inviato", "data",
            "verzonden", "verstuurd", "отправлено");
    private static final String OTHER_KEYS = String.join("|",
            "to", "à", "a", "an", "para", "aan", "til", "till", "cc", "cci", "bcc", "kopie", "copie(?: à)?",
            "subject", "objet", "sujet", "betreff", "asunto", "oggetto", "onderwerp", "assunto", "emne", "ämne",
            "reply-to", "r[ée]pondre à", "antwort an", "importance", "priorit[ée]", "on behalf of", "кому", "тема");

    private static final Pattern FROM_HEADER = header(FROM_KEYS);
    private static final Pattern DATE_HEADER = header(DATE_KEYS);
    private static final Pattern OTHER_HEADER = header(OTHER_KEYS);
    /** Orange and La Poste webmails open the copied headers with "Message du 03/03/25 10:02". */
    private static final Pattern MESSAGE_DU = Pattern.compile("(?iu)^[\\s*]*message du\\s*:?\\s*\\d.*");

    /** Lines that only decorate: dashes, underscores, equals signs, stars. */
    private static final Pattern DECORATION = Pattern.compile("^\\s*[-_=*~#+]{3,}\\s*$");

    private static Pattern header(String keys) {
        return Pattern.compile("(?iu)^\\s*\\**\\s*(?:" + keys + ")\\s*\\**\\s*:.*");
    }

    /** The marker that starts at line {@code i}, if any. Quoted lines ({@code >}) are never markers. */
    Optional<Span> at(List<String> lines, int i) {
        if (quoted(lines.get(i)) || lines.get(i).isBlank()) {
            return Optional.empty();
        }
        String line = plain(lines.get(i));
        if (SEPARATOR.matcher(line).matches() || FORWARD_INTRO.matcher(line).matches()) {
            return Optional.of(new Span(i, i + 1, Kind.SEPARATOR));
        }
        Optional<Span> attribution = attribution(lines, i);
        if (attribution.isPresent()) {
            return attribution;
        }
        return headerBlock(lines, i);
    }

    /** An attribution line, possibly wrapped by the client over up to three lines. */
    private Optional<Span> attribution(List<String> lines, int i) {
        String first = plain(lines.get(i));
        if (first.length() > 300) {
            return Optional.empty();
        }
        boolean intro = INTRO.matcher(first).find();
        if (ATTRIBUTION_END.matcher(first).find() && (intro || DIGIT_OR_AT.matcher(first).find())) {
            return Optional.of(new Span(i, i + 1, Kind.ATTRIBUTION));
        }
        if (intro && VERB_FIRST_ATTRIBUTION.matcher(first).matches() && DIGIT_OR_AT.matcher(first).find()) {
            return Optional.of(new Span(i, i + 1, Kind.ATTRIBUTION));
        }
        // A wrapped attribution opens with the intro word and a date, and is not a finished sentence.
        if (!intro || !first.matches("(?s).*\\d.*") || first.strip().matches("(?s).*[.!?]$")) {
            return Optional.empty();
        }
        StringBuilder joined = new StringBuilder(first.strip());
        for (int k = 1; k <= 2 && i + k < lines.size(); k++) {
            String next = lines.get(i + k);
            if (next.isBlank() || quoted(next) || joined.length() + next.length() > 600) {
                break;
            }
            joined.append(' ').append(plain(next).strip());
            String text = joined.toString();
            if (ATTRIBUTION_END.matcher(text).find()
                    || VERB_FIRST_ATTRIBUTION.matcher(text).matches() && text.contains("@")) {
                return Optional.of(new Span(i, i + k + 1, Kind.ATTRIBUTION));
            }
        }
        return Optional.empty();
    }

    /**
     * Outlook and webmails copy the original's headers. A block counts when it names the sender
     * and a date and has at least three header lines, so that a citizen's own letter heading
     * ("De : / À : / Objet :") is not taken for a quote.
     */
    Optional<Span> headerBlock(List<String> lines, int i) {
        if (headerKey(plain(lines.get(i))) == null || quoted(lines.get(i))) {
            return Optional.empty();
        }
        int count = 0;
        int lastHeader = i;
        int continuation = 0;
        boolean from = false;
        boolean date = false;
        int j = i;
        boolean endedCleanly = true;
        for (; j < lines.size(); j++) {
            String line = lines.get(j);
            if (line.isBlank()) {
                break;
            }
            HeaderKey key = headerKey(plain(line));
            if (key == null) {
                if (++continuation > 1) {
                    endedCleanly = false;
                    break;
                }
                continue;
            }
            continuation = 0;
            count++;
            lastHeader = j;
            from |= key == HeaderKey.SENDER;
            date |= key == HeaderKey.DATE;
        }
        if (count >= 3 && from && date) {
            return Optional.of(new Span(i, endedCleanly ? j : lastHeader + 1, Kind.HEADER_BLOCK));
        }
        return Optional.empty();
    }

    private static HeaderKey headerKey(String line) {
        if (FROM_HEADER.matcher(line).matches()) {
            return HeaderKey.SENDER;
        }
        if (DATE_HEADER.matcher(line).matches() || MESSAGE_DU.matcher(line).matches()) {
            return HeaderKey.DATE;
        }
        if (OTHER_HEADER.matcher(line).matches()) {
            return HeaderKey.OTHER;
        }
        return null;
    }

    static boolean decoration(String line) {
        return DECORATION.matcher(plain(line)).matches();
    }

    static boolean quoted(String line) {
        return plain(line).stripLeading().startsWith(">");
    }

    /** Non-breaking spaces (French typography puts one before a colon) match as plain spaces. */
    static String plain(String line) {
        return line.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
    }
}
