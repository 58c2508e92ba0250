package org.guichet.gateway.notice;

import java.nio.charset.StandardCharsets;

/**
 * Edits one field of a part's raw header block, leaving every other field byte for byte.
 *
 * <p>The block is read as ISO-8859-1, which maps each byte to one character and back, so 8-bit
 * header bytes (RFC 6532) survive untouched.
 */
final class PartHeader {

    private PartHeader() {
    }

    /** The header block with field {@code name} set to {@code value}: replaced in place, or added before the blank line. */
    static byte[] with(byte[] block, String name, String value, String lineBreak) {
        String header = new String(block, StandardCharsets.ISO_8859_1);
        String field = name + ": " + value.replace("\r\n", lineBreak) + lineBreak;
        int position = 0;
        while (position < header.length()) {
            int lineEnd = header.indexOf('\n', position);
            int next = lineEnd < 0 ? header.length() : lineEnd + 1;
            String line = header.substring(position, next);
            if (line.isBlank()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                int fieldEnd = next;
                while (fieldEnd < header.length() && (header.charAt(fieldEnd) == ' ' || header.charAt(fieldEnd) == '\t')) {
                    int continuation = header.indexOf('\n', fieldEnd);
                    fieldEnd = continuation < 0 ? header.length() : continuation + 1;
                }
                String kept = line.substring(0, colon);
                String replaced = header.substring(0, position) + kept + ": " + value.replace("\r\n", lineBreak) + lineBreak
                        + header.substring(fieldEnd);
                return replaced.getBytes(StandardCharsets.ISO_8859_1);
            }
            position = next;
        }
        return (header.substring(0, position) + field + header.substring(position)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean has(byte[] block, String name) {
        String header = new String(block, StandardCharsets.ISO_8859_1);
        for (String line : header.split("\n")) {
            if (line.isBlank()) {
                return false;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0)) && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
