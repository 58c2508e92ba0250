package org.guichet.gateway.notice;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Replaces the notices of a {@code text/html} body by editing the source text in place.
 *
 * <p>jsoup parses the document with source positions; the visible text of the body is assembled
 * from its text nodes (entities decoded, {@code <br>} as a line break, block elements as paragraph
 * breaks, inline elements such as {@code <b>} as nothing), so a notice split by inline tags or
 * written with {@code &eacute;} and {@code &nbsp;} is still found. Only the source characters of the
 * notice change: the replacement is HTML-escaped, characters the part's charset cannot hold become
 * numeric references, and inline tags that opened or closed inside the notice but not both are
 * kept around the replacement so the document stays well nested. Every other byte of the document
 * is left as it was; the document is never re-serialised.
 */
final class HtmlNotices {

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em",
            "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var");
    private static final Set<String> LINE_BREAK = Set.of("br", "wbr");
    private static final Set<String> INVISIBLE = Set.of("head", "script", "style", "template", "title", "noscript", "textarea", "select");

    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)");
    private static final Pattern TAG = Pattern.compile("<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)(?:\\s[^<>]*?)?(/?)>|\\s+", Pattern.DOTALL);

    /** Marks a visible character that has no source: a line break ({@code <br>}) or a paragraph break (block element). */
    private static final int LINE = -1;
    private static final int PARAGRAPH = -2;

    private final NoticeRecogniser catalog;
    private final NoticeReplacement replacement;

    HtmlNotices(NoticeRecogniser catalog, NoticeReplacement replacement) {
        this.catalog = catalog;
        this.replacement = replacement;
    }

    /**
     * @param source  the HTML document
     * @param charset the charset the document will be encoded in, or {@code null} when undeclared
     *                (the replacement then stays US-ASCII, with numeric references)
     */
    Optional<TextRewrite> rewrite(String source, Charset charset) {
        Document document = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
        VisibleText visible = VisibleText.of(document, source);
        List<NoticeMatch> matches = catalog.find(visible.text.toString());
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        CharsetEncoder encoder = (charset == null ? StandardCharsets.US_ASCII : charset).newEncoder();
        record Edit(int start, int end, String text) {
        }
        List<Edit> edits = new ArrayList<>();
        List<NoticeMatch> done = new ArrayList<>();
        NoticeMatch previous = null;
        for (NoticeMatch match : matches) {
            int srcStart = visible.sourceStart(match.start());
            int srcEnd = visible.sourceEnd(match.end() - 1);
            if (srcStart < 0 || srcEnd < 0 || visible.hasParagraphBreak(match.start(), match.end())) {
                continue;
            }
            Optional<Tags> tags = visible.tagsBetween(srcStart, srcEnd);
            if (tags.isEmpty()) {
                continue;
            }
            String visibleText = visible.text.toString();
            boolean repeats = previous != null && visibleText.substring(previous.end(), match.start()).isBlank()
                    && replacement.sentenceFor(previous.language()).equals(replacement.sentenceFor(match.language()));
            String sentence = repeats ? "" : escape(replacement.render(match, visibleText.substring(match.end())), encoder);
            edits.add(new Edit(srcStart, srcEnd, tags.get().closers() + sentence + tags.get().openers()));
            done.add(match);
            if (!repeats) {
                previous = match;
            }
        }
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(source.length() + 128);
        int copied = 0;
        for (Edit edit : edits) {
            out.append(source, copied, edit.start()).append(edit.text());
            copied = edit.end();
        }
        out.append(source, copied, source.length());
        return Optional.of(new TextRewrite(out.toString(), List.copyOf(done)));
    }

    static String escape(String text, CharsetEncoder encoder) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u00A0' -> out.append("&nbsp;");
                default -> {
                    String ch = new String(Character.toChars(cp));
                    if (cp < 0x80 || encoder.canEncode(ch)) {
                        out.append(ch);
                    } else {
                        out.append("&#").append(cp).append(';');
                    }
                }
            }
        });
        return out.toString();
    }

    /** Inline tags to keep around a replacement: end tags of elements opened before it, start tags of elements closed after it. */
    private record Tags(String closers, String openers) {
    }

    /** The visible text of a document's body with, for each character, where it comes from in the source. */
    private static final class VisibleText {

        private final String source;
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        /** Source ranges of the text nodes that went into the visible text, in source order. */
        private final List<int[]> nodes = new ArrayList<>();

        private VisibleText(String source) {
            this.source = source;
        }

        static VisibleText of(Document document, String source) {
            VisibleText visible = new VisibleText(source);
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode textNode) {
                        visible.addText(textNode);
                    } else if (node instanceof Element element && !(element instanceof Document)) {
                        String name = element.normalName();
                        if (INVISIBLE.contains(name)) {
                            visible.separator(PARAGRAPH);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (name.equals("br")) {
                            visible.separator(LINE);
                        } else if (!INLINE.contains(name) && !LINE_BREAK.contains(name)) {
                            visible.separator(PARAGRAPH);
                        }
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element element && !(element instanceof Document)
                            && !INLINE.contains(element.normalName()) && !LINE_BREAK.contains(element.normalName())) {
                        visible.separator(PARAGRAPH);
                    }
                    return FilterResult.CONTINUE;
                }
            }, document);
            return visible;
        }

        private void separator(int kind) {
            int count = kind == LINE ? 1 : 2;
            for (int k = 0; k < count; k++) {
                append('\n', kind, kind);
            }
        }

        private void addText(TextNode node) {
            Range range = node.sourceRange();
            String whole = node.getWholeText();
            int lastEnd = nodes.isEmpty() ? 0 : nodes.getLast()[1];
            if (!range.isTracked() || range.start().pos() < lastEnd || range.end().pos() > source.length()) {
                separator(PARAGRAPH);
                return;
            }
            int from = range.start().pos();
            String raw = source.substring(from, range.end().pos());
            StringBuilder decoded = new StringBuilder(raw.length());
            List<int[]> spans = new ArrayList<>(raw.length());
            int i = 0;
            Matcher entity = ENTITY.matcher(raw);
            while (i < raw.length()) {
                if (raw.charAt(i) == '&' && entity.region(i, raw.length()).lookingAt()) {
                    String token = entity.group();
                    String value = Parser.unescapeEntities(token, false);
                    if (!value.equals(token)) {
                        for (int k = 0; k < value.length(); k++) {
                            decoded.append(value.charAt(k));
                            spans.add(new int[] {from + i, from + i + token.length()});
                        }
                        i += token.length();
                        continue;
                    }
                }
                decoded.append(raw.charAt(i));
                spans.add(new int[] {from + i, from + i + 1});
                i++;
            }
            if (!decoded.toString().equals(whole)) {
                // The source does not decode to what jsoup read (a construct this mapping does not know): leave it alone.
                separator(PARAGRAPH);
                return;
            }
            for (int k = 0; k < decoded.length(); k++) {
                char c = decoded.charAt(k);
                // Line breaks in HTML source are spaces; only <br> and blocks break lines in the visible text.
                append(c == '\n' || c == '\r' || c == '\t' || c == '\f' ? ' ' : c, spans.get(k)[0], spans.get(k)[1]);
            }
            nodes.add(new int[] {range.start().pos(), range.end().pos()});
        }

        private void append(char c, int start, int end) {
            if (text.length() == starts.length) {
                starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                ends = java.util.Arrays.copyOf(ends, ends.length * 2);
            }
            starts[text.length()] = start;
            ends[text.length()] = end;
            text.append(c);
        }

        int sourceStart(int visibleIndex) {
            return starts[visibleIndex];
        }

        int sourceEnd(int visibleIndex) {
            return ends[visibleIndex];
        }

        boolean hasParagraphBreak(int from, int to) {
            for (int k = from; k < to; k++) {
                if (starts[k] == PARAGRAPH) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The tags found in the source between the text nodes of {@code [srcStart, srcEnd)}, if they are
         * only inline tags, line breaks, comments and white space.
         */
        Optional<Tags> tagsBetween(int srcStart, int srcEnd) {
            List<int[]> gaps = new ArrayList<>();
            int position = srcStart;
            for (int[] node : nodes) {
                if (node[1] <= position || node[0] >= srcEnd) {
                    continue;
                }
                if (node[0] > position) {
                    gaps.add(new int[] {position, node[0]});
                }
                position = Math.max(position, node[1]);
            }
            if (position < srcEnd) {
                gaps.add(new int[] {position, srcEnd});
            }
            List<String> closers = new ArrayList<>();
            Deque<String[]> open = new ArrayDeque<>();
            for (int[] gap : gaps) {
                Matcher tag = TAG.matcher(source).region(gap[0], gap[1]);
                int at = gap[0];
                while (at < gap[1]) {
                    if (!tag.region(at, gap[1]).lookingAt()) {
                        return Optional.empty();
                    }
                    at = tag.end();
                    if (tag.group(2) == null) {
                        continue;
                    }
                    String name = tag.group(2).toLowerCase(Locale.ROOT);
                    if (LINE_BREAK.contains(name) || !tag.group(3).isEmpty()) {
                        if (!LINE_BREAK.contains(name) && !INLINE.contains(name)) {
                            return Optional.empty();
                        }
                        continue;
                    }
                    if (!INLINE.contains(name)) {
                        return Optional.empty();
                    }
                    if (tag.group(1).isEmpty()) {
                        open.push(new String[] {name, tag.group()});
                    } else if (!open.isEmpty() && open.peek()[0].equals(name)) {
                        open.pop();
                    } else {
                        closers.add(tag.group());
                    }
                }
            }
            StringBuilder openers = new StringBuilder();
            open.descendingIterator().forEachRemaining(tag -> openers.append(tag[1]));
            return Optional.of(new Tags(String.join("", closers), openers.toString()));
        }
    }
}
