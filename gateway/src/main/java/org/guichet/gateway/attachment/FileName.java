package org.guichet.gateway.attachment;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * A file name as an agent's computer may safely use it: decoded from what the sender wrote
 * (RFC 2231 parameters arrive decoded; RFC 2047 encoded words, which RFC 2047 §5 forbids in
 * parameters but Outlook and others write, are decoded here), then reduced to a name: no
 * folder, no control or bidirectional-override characters (the "invoice‮fdp.exe" trick),
 * no characters Windows reserves, no reserved device names, at most 255 UTF-8 bytes with
 * the extension kept.
 */
final class FileName {

    /** ext4, NTFS and most others stop at 255 bytes or UTF-16 units; bytes is the stricter. */
    static final int MAX_BYTES = 255;

    private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private FileName() {
    }

    /** The sanitised name, or empty text when nothing usable is left. */
    static String sanitise(String written) {
        if (written == null) {
            return "";
        }
        String name = decodeWords(written);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            // Cc: controls; Cf: formats (bidi overrides U+202E, zero widths); Cs, Cn: broken or unassigned.
            if (type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.UNASSIGNED && type != Character.PRIVATE_USE) {
                kept.appendCodePoint(c);
            }
        });
        name = RESERVED.matcher(kept).replaceAll("_");
        name = SPACES.matcher(name).replaceAll(" ");
        name = strip(name);
        if (name.isEmpty()) {
            return "";
        }
        String stem = extension(name).isEmpty() ? name : name.substring(0, name.length() - extension(name).length() - 1);
        if (DEVICES.contains(stem.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shorten(name);
    }

    /** The last extension, lower case, without the dot; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String decodeWords(String written) {
        if (!written.contains("=?")) {
            return written;
        }
        try {
            return MimeUtility.decodeText(written);
        } catch (UnsupportedEncodingException | RuntimeException unknownCharset) {
            return written;
        }
    }

    /** No leading dots (hidden files, "..") or spaces, no trailing dots or spaces (Windows drops them). */
    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String shorten(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + name.substring(name.length()
                - extension.length());
        String stem = name.substring(0, name.length() - suffix.length());
        int budget = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int c = stem.codePointAt(i);
            int bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            out.appendCodePoint(c);
            used += bytes;
            i += Character.charCount(c);
        }
        return strip(out.toString()) + suffix;
    }
}
