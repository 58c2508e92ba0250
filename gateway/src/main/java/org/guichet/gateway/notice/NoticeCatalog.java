package org.guichet.gateway.notice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.gateway.notice.CatalogEntry.Kind;

/**
 * The "do not reply" notices Guichet recognises, in French and English.
 *
 * <p>Each entry is one clause written over {@link FoldedText} (lower case, no accents, one
 * apostrophe, one quotation mark), so case, accents or their absence, typographic apostrophes,
 * non-breaking spaces, guillemets and line wraps inside the sentence do not matter. A notice is a
 * run of clauses of one language joined by punctuation or a conjunction ("Ceci est un message
 * automatique, merci de ne pas y répondre"), holding at least one clause that refuses replies or
 * says nobody reads them. It is recognised only as whole sentences: it must start a sentence
 * (text start, after {@code . ! ? : ;}, a quotation mark, a bullet, a blank line, or a new line
 * starting with a capital) and end one (final punctuation, closing mark, end of paragraph), so a
 * fragment inside a longer sentence is never replaced.
 */
final class NoticeCatalog {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("fmsg", "(?:message|mail|e-?mail|courriel|courrier(?: electronique)?|mel|notification|avis|envoi)"),
            Map.entry("fthis", "(?:ce|cet|cette|le present|la presente)"),
            Map.entry("fadj", "(?: (?:automatique|d'information|de notification|electronique))?"),
            Map.entry("fobj", "(?:(?:a|au) (?:%fthis% )?(?:%fmsg%%fadj%|adresse(?: (?:e-?mail|mail|electronique|de messagerie))?|expediteur)"
                    + "|a l'(?:adresse(?: (?:e-?mail|mail|electronique))?|expediteur))"),
            Map.entry("fask", "(?:merci|nous vous remercions|je vous remercie|on vous remercie|nous vous prions|nous vous demandons|priere)"),
            Map.entry("fmsgs", "(?:messages?|reponses?|courriels?|e-?mails?|mails?)"),
            Map.entry("emsg", "(?:e-?mail(?: message)?|message|mail|notification)"),
            Map.entry("eadj", "(?: (?:automated|automatic|auto-generated|automatically generated|system-generated|system generated|computer-generated))?"),
            Map.entry("eobj", "(?:(?:to|back to) (?:this|the)%eadj% (?:%emsg%|e-?mail address|address|sender|mailbox)|to it)"),
            Map.entry("eaddr", "(?:e-?mail |mail )?(?:mailbox|inbox|address|account|e-?mail address)"));

    private static final List<CatalogEntry> ENTRIES = List.of(
            // French
            entry("fr.ne-pas-repondre", Language.FRENCH, Kind.REFUSAL,
                    "(?:%fask% de (?:bien vouloir )?|veuillez |)ne pas (?:y )?repondre(?: directement)?(?: %fobj%)?"
                            + "(?: (?:par retour(?: de %fmsg%)?|en retour))?(?: (?:ni|et ne pas) (?:y )?ecrire)?"),
            entry("fr.ne-repondez-pas", Language.FRENCH, Kind.REFUSAL,
                    "(?:(?:s'il vous plait|svp) ?,? )?(?:ne (?:y )?repondez pas|n'y repondez pas)(?: directement)?(?: %fobj%)?"
                            + "(?: ?,? (?:s'il vous plait|svp))?"),
            entry("fr.inutile-de-repondre", Language.FRENCH, Kind.REFUSAL,
                    "(?:(?:il est )?inutile|il n'est pas (?:utile|necessaire)) (?:d'y repondre|de repondre(?: %fobj%)?)"),
            entry("fr.ne-pouvez-pas-repondre", Language.FRENCH, Kind.REFUSAL,
                    "(?:vous ne (?:pouvez|pourrez) pas |(?:il n'est pas possible|il ne vous est pas possible|il est impossible) (?:de |d'))"
                            + "(?:y )?repondre(?: directement)?(?: %fobj%)?"),
            entry("fr.bouton-repondre", Language.FRENCH, Kind.REFUSAL,
                    "(?:%fask% de |veuillez )?ne pas utiliser (?:la fonction|le bouton|l'option|la touche) \"? ?repondre(?: ?\")?"),
            entry("fr.reponses-non-lues", Language.FRENCH, Kind.UNMONITORED,
                    "(?:(?:les|vos|toutes les) reponses (?:(?:envoyees |adressees )?%fobj% )?ne (?:sont|seront|pourront) (?:pas |ni )?(?:etre )?"
                            + "(?:lues|traitees|consultees|prises en compte|recues)(?: ni (?:lues|traitees))?"
                            + "|(?:votre|toute|aucune) reponse (?:(?:envoyee |adressee )?%fobj% )?ne (?:sera|pourra|peut) (?:pas )?(?:etre )?"
                            + "(?:lue|traitee|consultee|prise en compte|recue)(?: ni (?:lue|traitee))?)"),
            entry("fr.adresse-non-consultee", Language.FRENCH, Kind.UNMONITORED,
                    "(?:(?:cette |l')(?:adresse|boite)(?: (?:e-?mail|mail|electronique|de messagerie|d'envoi|d'expedition|aux lettres))?"
                            + " (?:(?:n'est pas|ne peut pas etre|n'est plus|ne sera pas|est non) (?:consultee|surveillee|lue|relevee|traitee|geree)"
                            + "|(?:n'accepte pas|ne permet pas de recevoir|ne peut pas recevoir|ne peut recevoir|ne recoit pas) (?:de |les |aucun |aucune )?%fmsgs%)"
                            + "|il s'agit d'une adresse (?:non (?:surveillee|consultee|relevee)|d'envoi (?:uniquement|seulement)))"),
            entry("fr.adresse-envoi-seul", Language.FRENCH, Kind.UNMONITORED,
                    "(?:ce|cet|cette|le present|la presente|il|elle) (?:%fmsg% )?(?:vous )?(?:a ete|est) (?:envoye|emis|expedie|adresse|genere)e? "
                            + "(?:automatiquement )?(?:par|depuis|a partir d') ?une adresse "
                            + "(?:qui ne (?:peut|permet) (?:pas )?(?:de )?recevoir (?:de |les |aucun |aucune )?%fmsgs%"
                            + "|ne permettant pas de recevoir (?:de |les )?%fmsgs%"
                            + "|(?:non|qui n'est pas) (?:surveillee|consultee|relevee)"
                            + "|(?:d'envoi|d'expedition) (?:uniquement|seulement))"),
            entry("fr.message-automatique", Language.FRENCH, Kind.AUTOMATED,
                    "(?:(?:ceci est|ce %fmsg% est|il s'agit d') ?un %fmsg% (?:automatique|genere automatiquement|envoye automatiquement)"
                            + "|(?:ce|cet|cette|le present|la presente) %fmsg% (?:vous )?(?:est|a ete) (?:envoye|genere|emis|expedie|cree)e? automatiquement"
                            + "(?: par (?:un|une|notre|le|la) (?:systeme|serveur|service|plateforme|application|robot|automate))?"
                            + "|(?:%fmsg%|envoi) (?:automatique|genere automatiquement))"),
            // English
            entry("en.do-not-reply", Language.ENGLISH, Kind.REFUSAL,
                    "(?:please |kindly |we (?:kindly )?ask (?:that you|you to) )?(?:do not|don't|dont) (?:directly )?(?:reply|respond)"
                            + "(?: directly)?(?: %eobj%)?(?: ?,? please)?"),
            entry("en.cannot-reply", Language.ENGLISH, Kind.REFUSAL,
                    "(?:(?:you cannot|you can't|you can not|you are unable to|it is not possible to) (?:reply|respond) (?:to|back to) (?:this|the) (?:%emsg%|address)"
                            + "|we (?:are unable to|cannot|can't|do not|don't) (?:respond|reply) to (?:replies|responses|e-?mails|messages)(?: sent)? to this (?:address|%emsg%|mailbox))"),
            entry("en.mailbox-not-monitored", Language.ENGLISH, Kind.UNMONITORED,
                    "(?:this %eaddr% is (?:not (?:monitored|attended|checked|read|staffed)|unmonitored|unattended)"
                            + "|this is an? (?:unmonitored|unattended|send-only|outgoing-only|notification-only|no-reply|noreply) %eaddr%)"),
            entry("en.replies-not-monitored", Language.ENGLISH, Kind.UNMONITORED,
                    "(?:replies|responses|any replies|any reply|your reply|your replies|e-?mails|messages|any e-?mails?)(?: sent)?"
                            + "(?: to this (?:%emsg%|address|e-?mail address|mailbox))? "
                            + "(?:(?:are not|aren't|is not|isn't|will not be|won't be|cannot be|can't be|are not being) "
                            + "(?:monitored|read|answered|processed|received|responded to|delivered|reviewed)"
                            + "|(?:are|is|will be|will go) (?:unmonitored|unread|unanswered))"),
            entry("en.notification-only-address", Language.ENGLISH, Kind.UNMONITORED,
                    "(?:this %emsg%|it) (?:was|has been|is|is being) sent (?:automatically )?(?:from|by) (?:an?|our) "
                            + "(?:notification-only|send-only|outgoing-only|unmonitored|unattended|no-reply|noreply) (?:e-?mail )?(?:address|mailbox|account)"
                            + "(?: ?,? (?:that|which) (?:cannot|can't|does not|doesn't|is unable to|is not able to|will not) (?:accept|receive|process) "
                            + "(?:incoming |any )?(?:e-?mails?|messages|replies|responses))?"),
            entry("en.automated-message", Language.ENGLISH, Kind.AUTOMATED,
                    "(?:this (?:is an?|%emsg% is an?) (?:automated|automatic|automatically generated|system-generated|system generated|computer-generated|auto-generated)"
                            + "(?: %emsg%)?"
                            + "|this %emsg% (?:was|has been|is) (?:automatically generated|generated automatically|sent automatically|auto-generated|system-generated)"
                            + "|(?:automated|automatic|auto-generated) %emsg%)"));

    private static final Map<Language, String> CONJUNCTIONS = Map.of(
            Language.FRENCH, "(?:car|puisque|parce que|en effet|et|donc|aussi)",
            Language.ENGLISH, "(?:as|because|since|and|so|therefore)");

    /** A sentence ends here: final punctuation, a closing mark, a paragraph break, or a line break not followed by lower case. */
    private static final String SENTENCE_END = "(?= ?(?:[.!?;:\")\\]*|>#=_~-]|\\n\\n|\\n(?![a-z0-9,])|$))";

    private static final Pattern LEAD_WORD = Pattern.compile(
            "(?:^|[^a-z])(?:attention|important|rappel|remarque|nb|n\\.b|note|please note|notice|ps|p\\.s|avertissement|information|info|warning"
                    + "|pour information|a noter) ?,? ?\"? ?$");

    private final Map<Language, Pattern> notices;

    NoticeCatalog() {
        this.notices = Map.of(Language.FRENCH, notice(Language.FRENCH), Language.ENGLISH, notice(Language.ENGLISH));
    }

    /** Every notice in {@code text}, in order, not overlapping. */
    List<NoticeMatch> find(String text) {
        FoldedText folded = FoldedText.of(text);
        String f = folded.folded();
        Map<Language, Matcher> matchers = new EnumMap<>(Language.class);
        notices.forEach((language, pattern) -> matchers.put(language, pattern.matcher(f).useTransparentBounds(true).useAnchoringBounds(false)));
        List<NoticeMatch> found = new ArrayList<>();
        int position = 0;
        while (position < f.length()) {
            // A notice starts a sentence, so only word starts at a sentence boundary are tried: cheaper than find().
            char c = f.charAt(position);
            if (!Character.isLetter(c) || (position > 0 && isWordChar(f.charAt(position - 1)))) {
                position++;
                continue;
            }
            Boolean afterComma = sentenceStart(folded, position);
            Found match = null;
            if (afterComma != null) {
                for (Map.Entry<Language, Matcher> candidate : matchers.entrySet()) {
                    Matcher m = candidate.getValue().region(position, f.length());
                    if (m.lookingAt() && m.end() > position) {
                        match = match(folded, position, m.end(), candidate.getKey(), afterComma);
                        break;
                    }
                }
            }
            if (match == null) {
                position++;
            } else {
                found.add(match.notice());
                position = match.foldedEnd();
            }
        }
        return found;
    }

    /** A notice, and where it ends in the folded text so the search goes on from there. */
    private record Found(NoticeMatch notice, int foldedEnd) {
    }

    private Found match(FoldedText folded, int start, int end, Language language, boolean afterComma) {
        String f = folded.folded();
        int withPunctuation = end;
        int k = end;
        while (k < f.length() && f.charAt(k) == ' ') {
            k++;
        }
        while (k < f.length() && (f.charAt(k) == '.' || f.charAt(k) == '!' || f.charAt(k) == '?')) {
            withPunctuation = ++k;
        }
        return new Found(new NoticeMatch(folded.originalStart(start), folded.originalEnd(withPunctuation - 1), language,
                entriesIn(f.substring(start, end), language), afterComma), withPunctuation);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '-';
    }

    /**
     * Whether a notice may start at {@code start}: {@code null} if it would be a fragment of a longer
     * sentence, {@code TRUE} if it follows a lead word and a comma, {@code FALSE} otherwise.
     */
    private static Boolean sentenceStart(FoldedText folded, int start) {
        String f = folded.folded();
        int k = start - 1;
        boolean lineBreak = false;
        while (k >= 0 && (f.charAt(k) == ' ' || f.charAt(k) == '"' || f.charAt(k) == '\n')) {
            if (f.charAt(k) == '\n') {
                if (k > 0 && f.charAt(k - 1) == '\n') {
                    return Boolean.FALSE;
                }
                lineBreak = true;
            }
            k--;
        }
        if (k < 0) {
            return Boolean.FALSE;
        }
        char previous = f.charAt(k);
        if (".!?:;([*|>-=_#~\u2022\u25aa\u25b6\u2192/".indexOf(previous) >= 0) {
            return Boolean.FALSE;
        }
        if (lineBreak && Character.isUpperCase(folded.original().charAt(folded.originalStart(start)))) {
            return Boolean.FALSE;
        }
        if (previous == ',' && LEAD_WORD.matcher(f.substring(Math.max(0, start - 40), start)).find()) {
            return Boolean.TRUE;
        }
        return null;
    }

    private static List<String> entriesIn(String foldedNotice, Language language) {
        record Found(int at, String id) {
        }
        List<Found> found = new ArrayList<>();
        for (CatalogEntry entry : ENTRIES) {
            if (entry.language() != language) {
                continue;
            }
            Matcher m = entry.pattern().matcher(foldedNotice);
            int from = 0;
            while (from < foldedNotice.length() && m.find(from)) {
                if (m.end() > m.start()) {
                    found.add(new Found(m.start(), entry.id()));
                }
                from = Math.max(m.end(), m.start() + 1);
            }
        }
        found.sort(Comparator.comparingInt(Found::at));
        List<String> ids = new ArrayList<>();
        for (Found f : found) {
            if (!ids.contains(f.id())) {
                ids.add(f.id());
            }
        }
        return List.copyOf(ids);
    }

    private static Pattern notice(Language language) {
        String qualifier = alternation(language, Kind.AUTOMATED);
        String core = "(?:" + alternation(language, Kind.REFUSAL) + "|" + alternation(language, Kind.UNMONITORED) + ")";
        String any = "(?:" + core + "|" + qualifier + ")";
        String joint = expand("(?:(?: ?[,;:.!]+ | - | )(?:" + CONJUNCTIONS.get(language) + "(?: ?,)? )?)");
        return Pattern.compile("(?:" + qualifier + joint + ")?" + core + "(?:" + joint + any + ")*" + SENTENCE_END);
    }

    private static String alternation(Language language, Kind kind) {
        StringBuilder out = new StringBuilder("(?:");
        for (CatalogEntry entry : ENTRIES) {
            if (entry.language() == language && entry.kind() == kind) {
                out.append(out.length() > 3 ? "|" : "").append(entry.pattern().pattern());
            }
        }
        return out.append(")").toString();
    }

    private static CatalogEntry entry(String id, Language language, Kind kind, String template) {
        return new CatalogEntry(id, language, kind, Pattern.compile(expand(template)));
    }

    /** Expands {@code %word%} references, then lets each space match one space or one line break. */
    private static String expand(String template) {
        String text = template;
        for (int round = 0; round < 4 && text.contains("%"); round++) {
            for (Map.Entry<String, String> word : WORDS.entrySet()) {
                text = text.replace("%" + word.getKey() + "%", word.getValue());
            }
        }
        if (text.contains("%")) {
            throw new IllegalStateException("unknown catalogue word in " + template);
        }
        return text.replace(" ", "[ \\n]");
    }
}
