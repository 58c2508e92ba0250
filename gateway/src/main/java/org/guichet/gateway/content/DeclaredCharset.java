package org.guichet.gateway.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the bytes of a text part with the charset it declares, leniently: senders mislabel,
 * omit or invent charsets, and a citizen's message must still be read.
 */
final class DeclaredCharset {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels mail clients send that Java does not know under that name. */
    private static final Map<String, String> ALIASES = Map.of(
            "ks_c_5601-1987", "x-windows-949",
            "gb2312", "GBK",
            "iso-8859-8-i", "ISO-8859-8",
            "x-mac-roman", "x-MacRoman",
            "macintosh", "x-MacRoman",
            "utf8", "UTF-8",
            "ansi_x3.4-1968", "US-ASCII");

    private DeclaredCharset() {
    }

    static String decode(byte[] bytes, String declared) {
        byte[] content = withoutUtf8Bom(bytes);
        String label = declared == null ? "" : declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        label = ALIASES.getOrDefault(label, label);
        switch (label) {
            case "", "us-ascii", "ascii", "unknown-8bit", "x-unknown" -> {
                return guess(content);
            }
            // WHATWG Encoding Standard: ISO-8859-1 and US-ASCII labels are decoded as windows-1252,
            // which is what senders that write these labels actually use.
            case "iso-8859-1", "latin1", "iso_8859-1", "l1", "cp1252", "windows-1252" -> {
                return new String(content, WINDOWS_1252);
            }
            default -> {
                Charset charset = known(label);
                return charset == null ? guess(content) : new String(content, charset);
            }
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (pure ASCII is), windows-1252 otherwise. */
    static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Charset known(String label) {
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (IllegalArgumentException badName) {
            return null;
        }
    }

    private static byte[] withoutUtf8Bom(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            byte[] rest = new byte[bytes.length - 3];
            System.arraycopy(bytes, 3, rest, 0, rest.length);
            return rest;
        }
        return bytes;
    }
}
