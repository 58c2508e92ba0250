package org.guichet.gateway.notice;

import java.util.Map;
import java.util.regex.Pattern;

import org.guichet.gateway.language.Language;

/**
 * How one language says "do not reply", clause by clause, over {@link FoldedText} (lower case,
 * no accents, one apostrophe, one quotation mark, single spaces).
 *
 * <p>Each pattern matches a whole clause. A refusal is a negation or an impossibility bound to a
 * reply verb, with at most an object that designates this message, its address or its sender and
 * a few adverbs; anything more ("…avant d'avoir lu la notice", "…aux courriels vous demandant vos
 * codes") makes it another clause, so a sentence that merely talks about replying is never taken.
 *
 * @param language     the language
 * @param refusal      a clause refusing replies
 * @param unread       a clause saying replies are not read, processed or received
 * @param automatic    a clause saying the message is automatic
 * @param filler       politeness that goes with the notice
 * @param lead         an opening word kept before the replacement
 * @param condition    a first clause that makes the rest conditional or addressed to some readers
 *                     only ("si…", "pour toute question…"): the sentence is left alone
 * @param contrast     a clause after the notice that restricts it ("mais…", "sauf…"): left alone
 * @param conjunctions words that start a new clause without punctuation ("car", "as", "omdat")
 * @param joinsNext    a clause that the comma after it does not end ("Es ist nicht möglich, auf diese
 *                     E-Mail zu antworten": German puts a comma before an infinitive clause)
 */
record ClauseGrammar(Language language, Pattern refusal, Pattern unread, Pattern automatic, Pattern filler, Pattern lead,
                     Pattern condition, Pattern contrast, Pattern conjunctions, Pattern joinsNext) {

    /** Clauses longer than this are prose, not notices; it also bounds the regular expressions' work. */
    private static final int LONGEST_CLAUSE = 260;

    ClauseKind classify(String clause) {
        if (clause.isEmpty() || clause.length() > LONGEST_CLAUSE) {
            return ClauseKind.OTHER;
        }
        if (lead.matcher(clause).matches()) {
            return ClauseKind.LEAD;
        }
        if (filler.matcher(clause).matches()) {
            return ClauseKind.FILLER;
        }
        if (refusal.matcher(clause).matches()) {
            return ClauseKind.REFUSAL;
        }
        if (unread.matcher(clause).matches()) {
            return ClauseKind.UNREAD;
        }
        if (automatic.matcher(clause).matches()) {
            return ClauseKind.AUTOMATIC;
        }
        return ClauseKind.OTHER;
    }

    boolean joinsNext(String clause) {
        return joinsNext.matcher(clause).matches();
    }

    boolean conditional(String firstClause) {
        return condition.matcher(firstClause).lookingAt();
    }

    boolean contrasting(String clause) {
        return contrast.matcher(clause).lookingAt();
    }

    /** Compiles a clause template: {@code %word%} references are expanded from {@code words}, alternatives joined. */
    static Pattern clause(Map<String, String> words, String... alternatives) {
        return Pattern.compile("(?:" + String.join("|", expand(words, alternatives)) + ")");
    }

    /** A pattern matched at the start of a clause, followed by a word boundary. */
    static Pattern opening(String alternatives) {
        return Pattern.compile("(?:" + alternatives + ")(?![a-z0-9])");
    }

    /**
     * Where a clause starts without punctuation: before a {@code causal} word, or before an {@code and}
     * word followed by a subject (so "ne pas répondre et ne pas écrire" stays one clause when it should).
     */
    static Pattern conjunctions(String causal, String and, String subjects) {
        return Pattern.compile(" (?:(?:" + causal + ")(?![a-z'])|(?:" + and + ")(?= (?:" + subjects + ")(?:(?<=')|(?![a-z]))))");
    }

    private static String[] expand(Map<String, String> words, String[] templates) {
        String[] out = new String[templates.length];
        for (int k = 0; k < templates.length; k++) {
            String text = templates[k];
            for (int round = 0; round < 5 && text.contains("%"); round++) {
                for (Map.Entry<String, String> word : words.entrySet()) {
                    text = text.replace("%" + word.getKey() + "%", word.getValue());
                }
            }
            if (text.contains("%")) {
                throw new IllegalStateException("unknown grammar word in " + templates[k]);
            }
            out[k] = text;
        }
        return out;
    }
}
