package org.guichet.gateway.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.gateway.language.Language;

/**
 * Finds "do not reply" notices by what their clauses say, in French, English, Dutch and German.
 *
 * <p>The text is folded ({@link FoldedText}), cut into sentences (final punctuation, blank line,
 * a new line opening with a capital or a bullet) and each sentence into clauses (commas,
 * semicolons, colons, dashes, brackets, causal conjunctions). A sentence holds a notice when one
 * of its clauses refuses replies or says they are not read ({@link ClauseGrammar}); the clauses
 * next to it that say the message is automatic, or are mere politeness, go with it. What the
 * sentence says before the notice (an opening "Important :", "Votre dossier est complet,") and
 * after it (another way to reach the service, "écrivez-nous via le formulaire") is kept; a
 * sentence that makes the notice conditional ("Si…", "Pour toute question…") or restricts it
 * ("…, mais…", "…, sauf…") is left whole, and so is a question. An automatic-origin sentence
 * counts only beside a notice or alone on its line ("*** Message automatique ***").
 */
final class NoticeRecogniser {

    /** Stems every notice holds one of; a text without any is not searched further. */
    private static final Pattern TRIGGER = Pattern.compile(
            "repon|reply|respon|answer|antw|beantw|reag|reactie|automat|monitor|unread|unattended|gelezen|gelesen|lue|lira|\\blit\\b|\\bread\\b"
                    + "|surveill|consult|traite|process|sans suite|behandel|bearbeit|uberwach|releve|noreply|no-reply|versand|verzend|envoi"
                    + "|send-only|notification-only|personne ne|niemand|nobody|no one|sending|outgoing|bewaakt|ontvangen|empfangen|recevoir|receive|accept"
                    + "|niet|nicht|not|pas|aucun|sans|never|jamais|nooit|niemals|geen|kein|cannot|can't|unable|n't|impossible|inutile|onmogelijk|unmoglich"
                    + "|only|uniquement|seulement|exclusivement|enkel|alleen|uitsluitend|nur|lediglich|ausschlie|solely|verstu|verzon|ignor");

    /** Characters that decorate a sentence or a header line without being part of it. */
    private static final String DECORATION = " \n*#=_~>|[](){}\"-+<\u2022\u25aa\u25b6\u2192\u25ba\u2605\u2606\u25cf\u00b7/\\";

    private static final Pattern SEPARATOR = Pattern.compile(" ?(?:[,;:()\\[\\]|!]| - | -{2,} | / |\\.{2,}| \\*+ ) ?");

    private final List<ClauseGrammar> grammars = List.of(FrenchClauses.grammar(), EnglishClauses.grammar(),
            DutchClauses.grammar(), GermanClauses.grammar());

    /** Every notice in {@code text}, in order, not overlapping. */
    List<NoticeMatch> find(String text) {
        FoldedText folded = FoldedText.of(text);
        String f = folded.folded();
        if (!TRIGGER.matcher(f).find()) {
            return List.of();
        }
        List<int[]> sentences = sentences(folded);
        List<Found> found = new ArrayList<>();
        for (int[] sentence : sentences) {
            found.add(decide(folded, sentence[0], sentence[1]));
        }
        List<NoticeMatch> matches = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Found here = found.get(k);
            if (here == null || here.automaticOnly() && !aloneOnItsLine(f, here.start(), here.end())) {
                continue;
            }
            int start = here.start();
            int end = here.end();
            List<String> entries = new ArrayList<>(here.entries());
            // An automatic-origin sentence right before or after the notice, in the same paragraph, is part of it.
            if (!here.afterComma() && k > 0 && automaticNeighbour(found.get(k - 1), f, found.get(k - 1) == null ? 0 : found.get(k - 1).end(), start)
                    && (matches.isEmpty() || matches.getLast().foldedEnd() <= found.get(k - 1).start())) {
                start = found.get(k - 1).start();
                entries.addAll(0, found.get(k - 1).entries());
            }
            if (!here.continues() && k + 1 < found.size() && automaticNeighbour(found.get(k + 1), f, end, found.get(k + 1) == null ? 0 : found.get(k + 1).start())) {
                end = found.get(k + 1).end();
                entries.addAll(found.get(k + 1).entries());
                k++;
            }
            matches.add(new NoticeMatch(folded.originalStart(start), folded.originalEnd(end - 1), here.language(),
                    entries.stream().distinct().toList(), here.afterComma(), end));
        }
        return List.copyOf(matches);
    }

    private static boolean automaticNeighbour(Found neighbour, String f, int from, int to) {
        return neighbour != null && neighbour.automaticOnly() && from <= to && !f.substring(from, to).contains("\n\n");
    }

    /**
     * The notice in one sentence, if any.
     *
     * @param start    where it starts in the folded text
     * @param end      where it ends
     * @param continues the sentence goes on after it with kept clauses
     */
    private record Found(int start, int end, Language language, List<String> entries, boolean afterComma, boolean continues,
                         boolean automaticOnly) {
    }

    /** A clause of a sentence, in folded-text offsets. */
    private record Clause(int start, int end, String text, boolean afterConjunction) {
    }

    private Found decide(FoldedText folded, int start, int end) {
        String f = folded.folded();
        int core = end;
        while (core > start && ".!?".indexOf(f.charAt(core - 1)) >= 0) {
            core--;
        }
        if (f.substring(core, end).contains("?") || core == start || !TRIGGER.matcher(f).region(start, end).find()) {
            return null;
        }
        for (ClauseGrammar grammar : grammars) {
            Found found = decide(grammar, f, start, core, end);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Found decide(ClauseGrammar grammar, String f, int start, int core, int end) {
        List<Clause> clauses = clauses(grammar, f, start, core);
        List<ClauseKind> kinds = new ArrayList<>(clauses.size());
        int first = -1;
        for (Clause clause : clauses) {
            ClauseKind kind = grammar.classify(clause.text());
            if (first < 0 && kind.core()) {
                first = kinds.size();
            }
            kinds.add(kind);
        }
        if (first < 0) {
            boolean automatic = kinds.contains(ClauseKind.AUTOMATIC)
                    && kinds.stream().allMatch(k -> k == ClauseKind.AUTOMATIC || k == ClauseKind.FILLER || k == ClauseKind.LEAD);
            if (!automatic) {
                return null;
            }
            int from = 0;
            while (kinds.get(from) == ClauseKind.LEAD) {
                from++;
            }
            return new Found(clauses.get(from).start(), end, grammar.language(), entries(grammar, kinds, from, kinds.size() - 1), from > 0,
                    false, true);
        }
        int from = first;
        while (from > 0 && kinds.get(from - 1).partOfNotice()) {
            from--;
        }
        int to = first;
        while (to + 1 < kinds.size() && kinds.get(to + 1).partOfNotice()) {
            to++;
        }
        for (int k = 0; k < from; k++) {
            if (grammar.conditional(clauses.get(k).text())) {
                return null;
            }
        }
        if (from > 0 && clauses.get(from).afterConjunction()) {
            return null;
        }
        boolean continues = to + 1 < clauses.size();
        if (continues && (clauses.get(to + 1).afterConjunction() || grammar.contrasting(clauses.get(to + 1).text()))) {
            return null;
        }
        int noticeEnd = continues ? clauses.get(to).end() : end;
        return new Found(clauses.get(from).start(), noticeEnd, grammar.language(), entries(grammar, kinds, from, to), from > 0, continues,
                false);
    }

    private static List<String> entries(ClauseGrammar grammar, List<ClauseKind> kinds, int from, int to) {
        List<String> entries = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            ClauseKind kind = kinds.get(k);
            if (kind == ClauseKind.REFUSAL || kind == ClauseKind.UNREAD || kind == ClauseKind.AUTOMATIC) {
                String id = grammar.language().code() + "." + kind.name().toLowerCase(java.util.Locale.ROOT);
                if (!entries.contains(id)) {
                    entries.add(id);
                }
            }
        }
        return entries;
    }

    /** The clauses of {@code [start, end)}: cut at punctuation, then before the grammar's conjunctions. */
    private static List<Clause> clauses(ClauseGrammar grammar, String f, int start, int end) {
        String sentence = f.substring(start, end).replace('\n', ' ');
        List<Clause> clauses = new ArrayList<>();
        Matcher separator = SEPARATOR.matcher(sentence);
        int from = 0;
        while (from <= sentence.length()) {
            int to = separator.find(from) ? separator.start() : sentence.length();
            int next = to == sentence.length() ? sentence.length() + 1 : Math.max(separator.end(), to + 1);
            Matcher conjunction = grammar.conjunctions().matcher(sentence).region(from, to);
            int piece = from;
            boolean afterConjunction = false;
            while (conjunction.find()) {
                add(grammar, clauses, sentence, start, piece, conjunction.start(), afterConjunction);
                piece = conjunction.end();
                afterConjunction = true;
            }
            add(grammar, clauses, sentence, start, piece, to, afterConjunction);
            from = next;
        }
        return clauses;
    }

    private static void add(ClauseGrammar grammar, List<Clause> clauses, String sentence, int offset, int from, int to, boolean afterConjunction) {
        while (from < to && sentence.charAt(from) == ' ') {
            from++;
        }
        while (to > from && (sentence.charAt(to - 1) == ' ' || sentence.charAt(to - 1) == '.')) {
            to--;
        }
        if (to > from) {
            String text = sentence.substring(from, to).replace("\"", "").replaceAll(" {2,}", " ").strip();
            Matcher leading = grammar.conjunctions().matcher(" " + text);
            if (leading.lookingAt() && leading.end() < text.length()) {
                // ", so please do not reply": the conjunction after the comma is not part of the clause.
                text = text.substring(leading.end()).strip();
            }
            if (!clauses.isEmpty() && !afterConjunction && grammar.joinsNext(clauses.getLast().text())) {
                Clause previous = clauses.removeLast();
                clauses.add(new Clause(previous.start(), offset + to, previous.text() + " " + text, previous.afterConjunction()));
                return;
            }
            clauses.add(new Clause(offset + from, offset + to, text, afterConjunction));
        }
    }

    /** Sentences of the folded text, as {@code [start, end)} pairs without their decoration, final punctuation included. */
    private static List<int[]> sentences(FoldedText folded) {
        String f = folded.folded();
        List<int[]> sentences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= f.length(); i++) {
            boolean boundary;
            int next = i;
            if (i == f.length()) {
                boundary = true;
            } else {
                char c = f.charAt(i);
                if (".!?".indexOf(c) >= 0) {
                    boundary = (i + 1 == f.length() || " \n\"')]*>".indexOf(f.charAt(i + 1)) >= 0) && !abbreviation(f, i);
                    next = i + 1;
                } else if (c == '\n') {
                    boundary = i + 1 == f.length() || f.charAt(i + 1) == '\n' || !Character.isLetterOrDigit(f.charAt(i + 1))
                            || Character.isUpperCase(folded.original().charAt(folded.originalStart(i + 1)));
                } else {
                    boundary = false;
                }
            }
            if (boundary) {
                int end = Math.min(next, f.length());
                trimmed(f, from, end).ifPresent(sentences::add);
                from = end;
            }
        }
        return sentences;
    }

    private static java.util.Optional<int[]> trimmed(String f, int start, int end) {
        while (start < end && DECORATION.indexOf(f.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && DECORATION.indexOf(f.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > start ? java.util.Optional.of(new int[] {start, end}) : java.util.Optional.empty();
    }

    /** A full stop inside "n.b.", "a.u.b.", "s.v.p." or after a single letter ends no sentence. */
    private static boolean abbreviation(String f, int dot) {
        if (f.charAt(dot) != '.') {
            return false;
        }
        int k = dot;
        while (k > 0 && (Character.isLetter(f.charAt(k - 1)) || f.charAt(k - 1) == '.')) {
            k--;
        }
        String token = f.substring(k, dot);
        return token.length() == 1 || token.contains(".");
    }

    /** Nothing but decoration between the line's start and {@code start}, and between {@code end} and the line's end. */
    private static boolean aloneOnItsLine(String f, int start, int end) {
        for (int k = start - 1; k >= 0 && f.charAt(k) != '\n'; k--) {
            if (DECORATION.indexOf(f.charAt(k)) < 0) {
                return false;
            }
        }
        for (int k = end; k < f.length() && f.charAt(k) != '\n'; k++) {
            if (DECORATION.indexOf(f.charAt(k)) < 0 && ".!?".indexOf(f.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }
}
