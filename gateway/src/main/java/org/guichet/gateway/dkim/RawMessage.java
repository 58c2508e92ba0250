package org.guichet.gateway.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.james.jdkim.api.Headers;

/**
 * A message as the bytes that go on the wire: its header fields exactly as written (folding
 * included), and the body bytes after the empty line. DKIM hashes these bytes (RFC 6376 §3.7),
 * not a re-serialisation of them.
 */
final class RawMessage implements Headers {

    private static final byte[] END_OF_HEADER = {'\r', '\n', '\r', '\n'};

    private final byte[] raw;
    private final int bodyStart;
    private final List<String> fields;

    RawMessage(byte[] raw) {
        this.raw = raw;
        int end = indexOf(raw, END_OF_HEADER);
        int headerEnd = end < 0 ? raw.length : end + 2;
        this.bodyStart = end < 0 ? raw.length : end + 4;
        this.fields = fields(new String(raw, 0, headerEnd, StandardCharsets.UTF_8));
    }

    /** Splits the header block at line starts that are not continuations (RFC 5322 §2.2.3). */
    private static List<String> fields(String header) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = null;
        for (String line : header.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && field != null) {
                field.append("\r\n").append(line);
            } else {
                if (field != null) {
                    fields.add(field.toString());
                }
                field = new StringBuilder(line);
            }
        }
        if (field != null) {
            fields.add(field.toString());
        }
        return fields;
    }

    private static int indexOf(byte[] data, byte[] target) {
        outer:
        for (int i = 0; i + target.length <= data.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String nameOf(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).strip();
    }

    /** Every header field, top to bottom, each without its final CRLF. */
    @Override
    public List<String> getFields() {
        return List.copyOf(fields);
    }

    /** The fields of that name (any case), top to bottom. */
    @Override
    public List<String> getFields(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> nameOf(f).toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    byte[] body() {
        return Arrays.copyOfRange(raw, bodyStart, raw.length);
    }

    byte[] bytes() {
        return raw;
    }
}
