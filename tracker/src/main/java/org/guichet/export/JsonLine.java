package org.guichet.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guichet.casework.CanonicalJson;

/**
 * One line of an export: a JSON object in canonical form (keys sorted by UTF-16 code units,
 * no whitespace, strings escaped as RFC 8785 does, integers only), so that an event line with
 * its {@code record}, {@code position}, {@code prevHash} and {@code hash} members taken out
 * is, byte for byte, what the chain hashed.
 */
final class JsonLine {

    private JsonLine() {
    }

    /** JSON text already in canonical form (an event payload), written as it is. */
    record Raw(String json) {
    }

    static String of(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(256);
        write(members, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    CanonicalJson.string((String) entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Raw raw -> out.append(raw.json());
            case String text -> CanonicalJson.string(text, out);
            case Boolean flag -> out.append(flag);
            case Long number -> out.append(number);
            case Integer number -> out.append(number);
            case Instant instant -> CanonicalJson.string(instant.toString(), out);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }
}
