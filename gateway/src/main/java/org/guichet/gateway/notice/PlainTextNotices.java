package org.guichet.gateway.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the notices of a {@code text/plain} body.
 *
 * <p>The rest of the text is kept character for character. A replacement sentence stays on one
 * line unless the notice was wrapped over several lines or the body is {@code format=flowed}; it is
 * then wrapped at 76 columns, with soft line breaks for flowed text (RFC 3676 §4.2, including the
 * extra space {@code DelSp=yes} asks for and space-stuffing, §4.4).
 */
final class PlainTextNotices {

    private static final int WIDTH = 76;

    private final NoticeRecogniser catalog;
    private final NoticeReplacement replacement;

    PlainTextNotices(NoticeRecogniser catalog, NoticeReplacement replacement) {
        this.catalog = catalog;
        this.replacement = replacement;
    }

    Optional<TextRewrite> rewrite(String text, boolean flowed, boolean delSp) {
        List<NoticeMatch> matches = catalog.find(text);
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder(text.length() + 128);
        List<NoticeMatch> done = new ArrayList<>();
        int copied = 0;
        NoticeMatch previous = null;
        for (NoticeMatch match : matches) {
            String sentence = replacement.render(match, text.substring(match.end()));
            boolean repeats = previous != null && text.substring(previous.end(), match.start()).isBlank()
                    && replacement.sentenceFor(previous.language()).equals(replacement.sentenceFor(match.language()));
            if (repeats) {
                // The same sentence twice in a row says nothing more: drop the second notice and the gap before it.
                out.append(text, copied, previous.end());
            } else {
                out.append(text, copied, match.start());
                String region = text.substring(match.start(), match.end());
                if (flowed || region.indexOf('\n') >= 0) {
                    out.append(wrap(sentence, column(out), lineBreak, flowed, delSp));
                } else {
                    out.append(sentence);
                }
                previous = match;
            }
            copied = match.end();
            done.add(match);
        }
        out.append(text, copied, text.length());
        return Optional.of(new TextRewrite(out.toString(), List.copyOf(done)));
    }

    private static int column(CharSequence out) {
        int k = out.length();
        while (k > 0 && out.charAt(k - 1) != '\n') {
            k--;
        }
        return out.length() - k;
    }

    private static String wrap(String sentence, int startColumn, String lineBreak, boolean flowed, boolean delSp) {
        StringBuilder out = new StringBuilder();
        int column = startColumn;
        boolean first = true;
        for (String word : sentence.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!first && column + 1 + word.length() > WIDTH) {
                if (flowed) {
                    // A soft break: the line ends with a space; DelSp=yes deletes one, so add one more.
                    out.append(delSp ? "  " : " ");
                }
                out.append(lineBreak);
                column = 0;
                if (flowed && (word.startsWith(">") || word.equals("From"))) {
                    out.append(' ');
                    column = 1;
                }
            } else if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        return out.toString();
    }
}
