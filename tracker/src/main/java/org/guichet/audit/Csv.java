package org.guichet.audit;

import java.math.BigDecimal;
import java.util.List;

/**
 * CSV as Guichet publishes it (RFC 4180: comma, CRLF, fields quoted when they hold a comma, a
 * quote or a line break), metadata first as comment lines {@code # key: value} that
 * spreadsheets show as text and CSV readers skip. Numbers are written plainly (no exponent).
 */
public final class Csv {

    static final String CRLF = "\r\n";

    private Csv() {
    }

    /** A metadata line; a line break inside the value would end it, so it becomes a space. */
    public static void comment(StringBuilder out, String key, String value) {
        out.append("# ").append(key).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append(CRLF);
    }

    /** One record; null values are empty fields. */
    public static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append(CRLF);
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        // A leading '#' would read as a comment line.
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
                || text.startsWith("#")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
