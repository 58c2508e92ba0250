package org.guichet.gateway.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the HTML of a message into plain text a person can read: blocks become lines, list items
 * get a dash, and {@code <blockquote>} content is prefixed with {@code >} as a plain-text client
 * would quote it, so that {@link VisibleReplyText} treats HTML and plain replies alike.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "center", "dd", "div", "dl", "dt", "fieldset", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "tr", "ul");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table");
    private static final String INVISIBLE = "script, style, head, title, template, noscript, xml, object, iframe, "
            + "embed, select, input, button, textarea";

    /**
     * Where clients put the original under a reply: Outlook on the web ({@code #divRplyFwdMsg},
     * {@code #appendonsend}), old Hotmail ({@code hr#stopSpelling}), Zimbra ({@code hr#zwchr}),
     * Yahoo ({@code .yahoo_quoted}), Outlook for Mac.
     */
    private static final String QUOTE_CONTAINERS = "#divRplyFwdMsg, #appendonsend, hr#stopSpelling, hr#zwchr, "
            + "div.yahoo_quoted, #mail-editor-reference-message-container, div.OutlookMessageHeader";
    private static final Pattern BORDER_TOP = Pattern.compile("(?i)border-top\\s*:\\s*(?:solid|[^;]*\\bsolid\\b)");
    /** "Label: value" lines, in any language: Outlook's copied headers under its border-top line. */
    /** Bordered elements whose labels are read, at most, per message; Outlook writes one. */
    private static final int MAX_BORDER_CHECKS = 20;
    private static final Pattern LABEL_LINE = Pattern.compile("(?m)^\\s*[^\\s:]{1,20}(?: [^\\s:]{1,20}){0,2}\\s*:");

    /** The whole text of the HTML, quotes included (marked with {@code >}). */
    public String render(String html) {
        return render(parse(html).body());
    }

    /**
     * The text of an HTML reply without the original that Outlook-family clients place under a
     * marker element; the remaining quotes are left to {@link VisibleReplyText}.
     */
    public String renderReply(String html) {
        Document document = parse(html);
        Element marker = firstMarkerUnderText(document.body());
        if (marker != null) {
            cutFrom(marker);
        }
        return render(document.body());
    }

    /**
     * The first marker of the original that has text the citizen wrote above it, in one pass
     * over the document: a message with thousands of markers costs no more than one without.
     */
    private Element firstMarkerUnderText(Element body) {
        Element[] found = {null};
        boolean[] written = {false};
        int[] borderChecks = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    written[0] |= !blank(text.getWholeText());
                } else if (written[0] && node instanceof Element element && marksOriginal(element, borderChecks)) {
                    found[0] = element;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return found[0];
    }

    /** Whether the text renders as nothing: HTML whitespace, no-break and zero-width spaces only. */
    private static boolean blank(String text) {
        return text.replace('\u00A0', ' ').replaceAll("[\\s\\u200B]+", "").isEmpty();
    }

    private static Document parse(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.select(INVISIBLE).remove();
        document.select("[style~=(?i)display\\s*:\\s*none]").remove();
        return document;
    }

    private boolean marksOriginal(Element element, int[] borderChecks) {
        if (element.is(QUOTE_CONTAINERS)) {
            return true;
        }
        // Reading the labels renders the element: a bounded number of times, so a flood of bordered
        // elements cannot make one message cost the square of its size.
        if (!BORDER_TOP.matcher(element.attr("style")).find() || ++borderChecks[0] > MAX_BORDER_CHECKS) {
            return false;
        }
        Matcher labels = LABEL_LINE.matcher(render(element));
        int count = 0;
        while (labels.find()) {
            count++;
        }
        return count >= 2;
    }

    /** Removes the element and everything after it in document order. */
    private static void cutFrom(Element marker) {
        Node node = marker;
        while (node != null && !(node instanceof Element element && element.tagName().equals("body"))) {
            Node parent = node.parent();
            List<Node> following = new ArrayList<>();
            for (Node sibling = node.nextSibling(); sibling != null; sibling = sibling.nextSibling()) {
                following.add(sibling);
            }
            following.forEach(Node::remove);
            node = parent;
        }
        marker.remove();
    }

    private String render(Element root) {
        Text text = new Text();
        walk(root, text);
        return text.toString();
    }

    private void walk(Node node, Text text) {
        if (node instanceof TextNode textNode) {
            if (text.preformatted > 0) {
                text.appendRaw(textNode.getWholeText());
            } else {
                text.append(textNode.getWholeText());
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "br" -> text.lineBreak();
            case "blockquote" -> {
                Text inner = new Text();
                element.childNodes().forEach(child -> walk(child, inner));
                text.block();
                for (String line : inner.toString().split("\n", -1)) {
                    text.appendRaw(line.isEmpty() ? ">" : "> " + line);
                    text.lineBreak();
                }
                text.block();
            }
            case "td", "th" -> {
                element.childNodes().forEach(child -> walk(child, text));
                text.append(" ");
            }
            case "img" -> {
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                boolean paragraph = PARAGRAPHS.contains(tag) && !element.hasClass("MsoNormal");
                if (paragraph) {
                    text.paragraph();
                } else if (block) {
                    text.block();
                }
                if (tag.equals("li")) {
                    text.append("- ");
                }
                if (tag.equals("pre")) {
                    text.preformatted++;
                }
                element.childNodes().forEach(child -> walk(child, text));
                if (tag.equals("pre")) {
                    text.preformatted--;
                }
                if (paragraph) {
                    text.paragraph();
                } else if (block) {
                    text.block();
                }
            }
        }
    }

    /** Accumulates text, collapsing HTML whitespace and keeping at most one blank line in a row. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();
        private boolean pendingSpace;
        int preformatted;

        void append(String raw) {
            String collapsed = raw.replace('\u00A0', ' ').replaceAll("[\\s\\u200B]+", " ");
            for (int i = 0; i < collapsed.length(); i++) {
                char c = collapsed.charAt(i);
                if (c == ' ') {
                    pendingSpace = !atLineStart();
                } else {
                    if (pendingSpace) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append(c);
                }
            }
        }

        void appendRaw(String raw) {
            out.append(raw.replace("\r\n", "\n"));
            pendingSpace = false;
        }

        void lineBreak() {
            trimLineEnd();
            out.append('\n');
            pendingSpace = false;
        }

        void block() {
            if (!atLineStart()) {
                lineBreak();
            }
        }

        void paragraph() {
            block();
            boolean blankLineAlready = out.length() >= 2 && out.charAt(out.length() - 2) == '\n';
            if (!out.isEmpty() && !blankLineAlready) {
                out.append('\n');
            }
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        private void trimLineEnd() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        @Override
        public String toString() {
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
