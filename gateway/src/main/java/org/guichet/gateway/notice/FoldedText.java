package org.guichet.gateway.notice;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for tolerant matching, with a map back to the original characters.
 *
 * <p>Folding lowers the case, strips accents ({@code é → e}, {@code Œ → oe}), turns every
 * apostrophe into {@code '}, every quotation mark ({@code « » “ ” "}) into {@code "}, every dash
 * into {@code -}, drops soft hyphens and zero-width characters, and collapses each run of
 * white space (non-breaking spaces included) into one space, one {@code \n} when the run holds a
 * line break, or {@code \n\n} when it holds a blank line (a paragraph break, which no notice
 * crosses).
 */
final class FoldedText {

    private final String original;
    private final String folded;
    private final int[] originalStart;
    private final int[] originalEnd;

    private FoldedText(String original, String folded, int[] originalStart, int[] originalEnd) {
        this.original = original;
        this.folded = folded;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    static FoldedText of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() * 2 + 4];
        int[] ends = new int[text.length() * 2 + 4];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                int runStart = i;
                int newlines = 0;
                while (i < text.length() && (isSpace(text.charAt(i)) || isIgnorable(text.charAt(i)))) {
                    char s = text.charAt(i);
                    if (s == '\n' || (s == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))
                            || s == '\u2028' || s == '\u2029') {
                        newlines++;
                    }
                    i++;
                }
                String run = newlines == 0 ? " " : newlines == 1 ? "\n" : "\n\n";
                for (int k = 0; k < run.length(); k++) {
                    starts = grow(starts, out.length());
                    ends = grow(ends, out.length());
                    starts[out.length()] = runStart;
                    ends[out.length()] = i;
                    out.append(run.charAt(k));
                }
                continue;
            }
            if (!isIgnorable(c)) {
                String f = fold(c);
                for (int k = 0; k < f.length(); k++) {
                    starts = grow(starts, out.length());
                    ends = grow(ends, out.length());
                    starts[out.length()] = i;
                    ends[out.length()] = i + 1;
                    out.append(f.charAt(k));
                }
            }
            i++;
        }
        return new FoldedText(text, out.toString(), Arrays.copyOf(starts, out.length()), Arrays.copyOf(ends, out.length()));
    }

    String folded() {
        return folded;
    }

    String original() {
        return original;
    }

    /** Index in the original text of the first character that folded into {@code foldedIndex}. */
    int originalStart(int foldedIndex) {
        return originalStart[foldedIndex];
    }

    /** Index in the original text just after the character(s) that folded into {@code foldedIndex}. */
    int originalEnd(int foldedIndex) {
        return originalEnd[foldedIndex];
    }

    private static int[] grow(int[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    private static boolean isIgnorable(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static String fold(char c) {
        switch (c) {
            case '\'', '\u2019', '\u2018', '\u02BC', '`', '\u00B4', '\u2032', '\u201B':
                return "'";
            case '"', '\u00AB', '\u00BB', '\u201C', '\u201D', '\u201E', '\u201F', '\u2039', '\u203A':
                return "\"";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
                return "-";
            case '\u2026':
                return ".";
            case '\u0153', '\u0152':
                return "oe";
            case '\u00E6', '\u00C6':
                return "ae";
            default:
                break;
        }
        if (c < 0x80) {
            return String.valueOf(Character.toLowerCase(c));
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(1);
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                base.append(d);
            }
        }
        return base.length() == 0 ? String.valueOf(c) : base.toString().toLowerCase(Locale.ROOT);
    }
}
