package org.guichet.web.attachments;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code attachment}, an ASCII
 * {@code filename} for old clients (accents dropped, anything else replaced), and the exact
 * name as {@code filename*=UTF-8''…} (RFC 8187), which current browsers prefer.
 */
final class DownloadName {

    /** RFC 8187 §3.2.1 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~". */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private DownloadName() {
    }

    static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return out.toString();
    }

    static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
