package org.guichet.casework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one byte form of a JSON value that event hashes are computed over, whatever the
 * database does to the text it stores ({@code jsonb} reorders keys and adds spaces): object
 * keys sorted by UTF-16 code units, no whitespace, shortest string escapes, integers only
 * (the rules of RFC 8785 for the values an event payload holds).
 */
public final class CanonicalJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalJson() {
    }

    /** A payload (strings, booleans, integers, null, nested maps and lists) in canonical form. */
    static String of(Map<String, ?> payload) {
        return write(JSON.valueToTree(payload == null ? Map.of() : payload));
    }

    /** JSON text, as the database gives it back, in canonical form. */
    static String parse(String text) {
        try {
            return write(JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The canonical text of an event's id-independent fields, the bytes its hash covers:
     * {@code {"case":…,"occurredAt":…,"payload":…,"seq":…,"type":…}}.
     */
    static String event(String reference, int seq, String type, String occurredAt, String payload) {
        ObjectNode event = JSON.createObjectNode();
        event.put("case", reference);
        event.put("occurredAt", occurredAt);
        try {
            event.set("payload", JSON.readTree(payload));
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getMessage(), e);
        }
        event.put("seq", seq);
        event.put("type", type);
        return write(event);
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                Iterator<String> fields = node.fieldNames();
                fields.forEachRemaining(names::add);
                names.sort(null);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("event payloads hold integers only, not " + node);
                }
                out.append(node.bigIntegerValue());
            }
            default -> throw new IllegalArgumentException("not a JSON value for an event payload: " + node);
        }
    }

    /** Appends a JSON string literal (RFC 8259 §7); shared by every canonical JSON Guichet writes. */
    public static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
