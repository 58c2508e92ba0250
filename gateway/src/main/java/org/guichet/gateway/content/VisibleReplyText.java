package org.guichet.gateway.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Extracts what a citizen actually wrote from the plain text of a reply: the quoted original
 * (attribution line, copied headers, "-----Message d'origine-----" and the {@code >} block) and
 * the signature are dropped, text written above, below or between quotes is kept.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>a quote marker after visible text cuts everything from the marker on (top-posting);</li>
 *   <li>a quote marker before any visible text is dropped with the quoted block that follows it,
 *       unless the citizen answered between quotes further down (inline reply), and reading
 *       goes on (bottom-posting, forwarded message at the top);</li>
 *   <li>a signature line after visible text cuts the rest;</li>
 *   <li>a trailing {@code >} block, and the attribution just above it, are dropped.</li>
 * </ul>
 * When nothing is left (a message made only of a quote), the whole text is returned.
 */
public final class VisibleReplyText {

    /** Zero-width characters some clients scatter in text; invisible, so dropping them changes nothing seen. */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]");
    /** Gmail add-ons leave a lone U+1427 as a tracking mark at the end of the text. */
    private static final Pattern TRAILING_MARK = Pattern.compile("^\\s*(?:\\u1427|[-_=*~#+]{3,})\\s*$");
    private static final Pattern DIGIT_OR_AT = Pattern.compile("[0-9@]");

    private final QuoteMarkers quotes = new QuoteMarkers();
    private final SignatureMarkers signatures = new SignatureMarkers();

    /** The visible reply, trimmed; never null. */
    public String extract(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        List<String> lines = lines(body);
        List<String> kept = new ArrayList<>();
        boolean content = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Optional<QuoteMarkers.Span> marker = quotes.at(lines, i);
            if (marker.isPresent()) {
                if (content) {
                    break;
                }
                i = afterQuotedOriginal(lines, marker.get());
                continue;
            }
            if (content && !QuoteMarkers.quoted(line) && signatures.startsAt(line)) {
                break;
            }
            kept.add(line);
            content |= !QuoteMarkers.quoted(line) && WORDS.matcher(line).find();
            i++;
        }
        dropTrailingQuotes(kept);
        String visible = join(kept);
        return visible.isEmpty() ? join(lines) : visible;
    }

    /** Where reading resumes after a marker found before any visible text. */
    private int afterQuotedOriginal(List<String> lines, QuoteMarkers.Span marker) {
        int j = skipBlank(lines, marker.end());
        if (marker.kind() == QuoteMarkers.Kind.SEPARATOR && j < lines.size()) {
            Optional<QuoteMarkers.Span> headers = quotes.headerBlock(lines, j);
            if (headers.isPresent()) {
                j = skipBlank(lines, headers.get().end());
            }
        }
        if (j < lines.size() && QuoteMarkers.quoted(lines.get(j))) {
            int afterBlock = j;
            while (afterBlock < lines.size()
                    && (lines.get(afterBlock).isBlank() || QuoteMarkers.quoted(lines.get(afterBlock)))) {
                afterBlock++;
            }
            if (!answeredBetweenQuotes(lines, afterBlock)) {
                return afterBlock;
            }
        }
        return j;
    }

    /** True when, from {@code from} on, a quoted line is followed by more text: an inline reply. */
    private static boolean answeredBetweenQuotes(List<String> lines, int from) {
        boolean quoteSeen = false;
        for (int k = from; k < lines.size(); k++) {
            String line = lines.get(k);
            if (QuoteMarkers.quoted(line)) {
                quoteSeen = true;
            } else if (quoteSeen && WORDS.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static void dropTrailingQuotes(List<String> kept) {
        boolean removedQuote;
        do {
            removedQuote = false;
            while (!kept.isEmpty()) {
                String last = kept.getLast();
                if (QuoteMarkers.quoted(last)) {
                    removedQuote = true;
                } else if (!last.isBlank() && !TRAILING_MARK.matcher(last).matches()) {
                    break;
                }
                kept.removeLast();
            }
        } while (removedQuote && dropTrailingAttribution(kept));
    }

    /**
     * The line just above a dropped quote, ending with a colon and carrying a date or an address,
     * introduced it, whatever the language ("… пользователь … написал:"). A wrapped attribution
     * is followed upward while its lines are visibly unfinished.
     */
    private static boolean dropTrailingAttribution(List<String> kept) {
        if (kept.isEmpty()) {
            return false;
        }
        int last = kept.size() - 1;
        String line = QuoteMarkers.plain(kept.get(last)).strip();
        if (!line.endsWith(":") || line.length() > 300 || !DIGIT_OR_AT.matcher(line).find()) {
            return false;
        }
        int start = last;
        while (start > 0 && last - start < 2) {
            String above = QuoteMarkers.plain(kept.get(start - 1)).strip();
            String current = QuoteMarkers.plain(kept.get(start)).strip();
            boolean unfinished = above.matches(".*[<,(\"«]$") || current.matches("^[<(\"«\\p{Ll}].*");
            if (above.isEmpty() || !unfinished || !DIGIT_OR_AT.matcher(above).find()) {
                break;
            }
            start--;
        }
        kept.subList(start, kept.size()).clear();
        return true;
    }

    private static int skipBlank(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && lines.get(j).isBlank()) {
            j++;
        }
        return j;
    }

    private static List<String> lines(String body) {
        String text = ZERO_WIDTH.matcher(body).replaceAll("").replace("\r\n", "\n").replace('\r', '\n');
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static String join(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString().strip();
    }
}
