package org.guichet.gateway.language;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the language a citizen wrote in from the visible text of their message, by counting
 * function words (articles, pronouns, prepositions, auxiliaries, greetings) of French, Dutch,
 * German and English: such words make up a large share of any sentence and differ between these
 * languages far more than names, numbers or case references do. A short reply ("Merci !",
 * "OK, bedankt") carries too few of them to tell, and neither does a text where two languages
 * score alike: the detector then answers nothing, and the caller falls back.
 */
public final class ReplyLanguageDetector {

    /** Function words of the winner needed to decide: two words never decide. */
    static final int MINIMUM_EVIDENCE = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    /** What French elides before a vowel: « l'avis », « qu'il », « jusqu'au ». */
    private static final Set<String> FRENCH_ELISIONS = Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
            "lorsqu", "puisqu");

    /**
     * Words frequent in the language and rare in the others; a word two languages share
     * ("in", "de", "was") is listed in both and so moves neither ahead.
     */
    private static final Map<Language, Set<String>> FUNCTION_WORDS = Map.of(
            Language.FRENCH, Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "je", "vous",
                    "nous", "il", "elle", "ils", "que", "qui", "pour", "pas", "ne", "dans", "sur", "avec", "mon", "ma",
                    "mes", "votre", "vos", "ce", "cette", "ces", "au", "aux", "suis", "ai", "avez", "avons", "sont",
                    "mais", "ou", "où", "donc", "car", "par", "en", "y", "me", "moi", "à", "a", "ça",
                    "l", "d", "j", "m", "n", "s", "t", "c", "qu",
                    "bonjour", "merci", "madame", "monsieur", "cordialement", "salutations", "veuillez", "depuis",
                    "toujours", "aussi", "très", "bien", "été", "fait", "peux", "pouvez", "dois", "dossier"),
            Language.DUTCH, Set.of("de", "het", "een", "en", "is", "ik", "u", "uw", "je", "jullie", "wij", "we", "van",
                    "niet", "dat", "die", "met", "op", "voor", "naar", "maar", "ook", "nog", "heb", "heeft", "hebben",
                    "ben", "zijn", "was", "mijn", "onze", "er", "om", "aan", "bij", "als", "wat", "wel", "geen", "kan",
                    "kunt", "zou", "moet", "wordt", "werd", "deze", "dit", "hier", "graag", "alstublieft", "bedankt",
                    "dank", "geachte", "goedendag", "beste", "mevrouw", "meneer", "vriendelijke", "groeten",
                    "hoe", "waarom", "welke", "omdat", "sinds", "nu", "al"),
            Language.GERMAN, Set.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und",
                    "ist", "ich", "sie", "wir", "nicht", "dass", "mit", "auf", "für", "von", "zu", "zum", "zur", "aber",
                    "auch", "noch", "habe", "hat", "haben", "bin", "sind", "war", "mein", "meine", "meinen", "ihr",
                    "ihre", "ihren", "es", "an", "bei", "als", "was", "kein", "keine", "kann", "können", "würde",
                    "muss", "wird", "wurde", "diese", "dieser", "dies", "hier", "gerne", "bitte", "danke", "vielen",
                    "dank", "sehr", "geehrte", "geehrter", "damen", "herren", "guten", "tag", "freundlichen",
                    "grüßen", "grüssen", "wie", "warum", "welche", "weil", "seit", "jetzt", "schon", "im", "ins"),
            Language.ENGLISH, Set.of("the", "a", "an", "and", "is", "i", "you", "your", "we", "our", "of", "not", "that",
                    "with", "on", "for", "to", "but", "also", "still", "have", "has", "had", "am", "are", "was", "were",
                    "my", "it", "at", "by", "as", "what", "no", "can", "could", "would", "should", "must", "will",
                    "this", "these", "here", "please", "thank", "thanks", "dear", "hello", "regards", "sincerely",
                    "kind", "best", "how", "why", "which", "because", "since", "now", "already", "do", "does", "did",
                    "don't", "i'm", "i've", "it's", "in", "from", "been"));

    /** The language of the text, when its function words say so clearly enough. */
    public Optional<Language> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<Language, Integer> scores = new EnumMap<>(Language.class);
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (words.find()) {
            for (String word : forms(words.group())) {
                FUNCTION_WORDS.forEach((language, list) -> {
                    if (list.contains(word)) {
                        scores.merge(language, 1, Integer::sum);
                    }
                });
            }
        }
        Language best = null;
        int first = 0;
        int second = 0;
        for (Map.Entry<Language, Integer> score : scores.entrySet()) {
            if (score.getValue() > first) {
                second = first;
                first = score.getValue();
                best = score.getKey();
            } else if (score.getValue() > second) {
                second = score.getValue();
            }
        }
        // Twice the runner-up's count: Dutch and German, French and English share enough short
        // words that a narrow lead says little.
        if (best == null || first < MINIMUM_EVIDENCE || first < 2 * second) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /**
     * The word, or for a French elision ("j'ai", "l'adresse", "qu'il") its two halves; English
     * contractions ("don't", "i'm") are listed whole.
     */
    private static String[] forms(String word) {
        String trimmed = word.replaceAll("^'+|'+$", "");
        int apostrophe = trimmed.indexOf('\'');
        if (apostrophe < 0 || !FRENCH_ELISIONS.contains(trimmed.substring(0, apostrophe))) {
            return new String[] {trimmed};
        }
        return new String[] {trimmed.substring(0, apostrophe), trimmed.substring(apostrophe + 1)};
    }
}
