package org.guichet.casework;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        return text(JSON.valueToTree(payload == null ? Map.of() : payload));
    }

    /** JSON text, as the database gives it back, in canonical form. */
    static String parse(String text) {
        try {
            return text(JSON.readTree(text));
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
        return text(event);
    }

    /** JSON text already in canonical form (an event payload), written as it is. */
    public record Verbatim(String json) {
    }

    /**
     * A value in canonical form: maps with string keys, lists, strings, booleans, integers,
     * decimals (as plain decimals), instants (ISO-8601 UTC strings), {@link Verbatim} text,
     * null, and parsed JSON.
     */
    public static String text(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
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
                    string((String) entry.getKey(), out);
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
            case Verbatim verbatim -> out.append(verbatim.json());
            case String text -> string(text, out);
            case Boolean flag -> out.append(flag);
            case Long number -> out.append(number);
            case Integer number -> out.append(number);
            case BigInteger number -> out.append(number);
            case BigDecimal number -> out.append(number.toPlainString());
            case Instant instant -> string(instant.toString(), out);
            case JsonNode node -> write(node, out);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    // Parsed JSON goes through the same writer as the values built in Java, as maps and lists.
    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> members = new TreeMap<>();
                node.fields().forEachRemaining(member -> members.put(member.getKey(), member.getValue()));
                write(members, out);
            }
            case ARRAY -> {
                List<JsonNode> items = new ArrayList<>(node.size());
                node.elements().forEachRemaining(items::add);
                write(items, out);
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

    /** Appends a JSON string literal (RFC 8259 §7), with the shortest escapes. */
    private static void string(String value, StringBuilder out) {
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
