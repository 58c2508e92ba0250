package org.guichet.gateway.content;

/**
 * Joins the soft line breaks of {@code format=flowed} text (RFC 3676 §4): a line ending with a
 * space continues on the next line of the same quote depth. With {@code DelSp=yes} (§4.2) that
 * trailing space is removed. Space-stuffing (§4.4) is undone and the signature delimiter
 * "-- " (§4.3) is never joined.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean signature = line.equals("-- ");
            boolean soft = !signature && line.endsWith(" ");
            if (paragraph != null && depth != paragraphDepth) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder(depth > 0 ? ">".repeat(depth) + " " : "");
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
            if (!soft) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.append(paragraph).append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }
}
