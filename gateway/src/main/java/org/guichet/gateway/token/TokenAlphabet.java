package org.guichet.gateway.token;

import java.util.Optional;

/**
 * RFC 4648 base32 written in lower case, without padding: 32 letters and digits that survive
 * an MTA folding the local part to one case (RFC 5321 §2.4 lets a server treat it as
 * case-insensitive), and that need no quoting in a dot-atom (RFC 5322 §3.2.3).
 */
final class TokenAlphabet {

    private static final char[] DIGITS = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private TokenAlphabet() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(DIGITS[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(DIGITS[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }

    /** Decodes lower-case base32; empty when a character is outside the alphabet or trailing bits are set. */
    static Optional<byte[]> decode(CharSequence text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        // Leftover bits must be zero, so that one byte string has exactly one spelling.
        if ((buffer & ((1 << bits) - 1)) != 0) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    static boolean isTokenChar(char c) {
        return valueOf(c) >= 0;
    }

    private static int valueOf(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
