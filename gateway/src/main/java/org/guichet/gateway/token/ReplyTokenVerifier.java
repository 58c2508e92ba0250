package org.guichet.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks a token taken from a reply address. Case is ignored, because MTAs may fold the local
 * part (RFC 5321 §2.4); any other change, a truncation, or a key the ring does not hold makes
 * the token invalid. The MAC is compared in constant time.
 */
public final class ReplyTokenVerifier {

    private static final int BODY_CHARS = ReplyToken.CONVERSATION_CHARS + TokenSignature.MAC_CHARS;

    private final ReplyTokenKeyRing keys;

    public ReplyTokenVerifier(ReplyTokenKeyRing keys) {
        this.keys = keys;
    }

    /** The conversation a token stands for, when it is well formed and its MAC is right. */
    public Optional<ReplyToken> verify(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        String text = asciiLowerCase(token);
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        if (dash < 1 || text.length() - dash - 1 != BODY_CHARS) {
            return Optional.empty();
        }
        String keyId = text.substring(0, dash);
        String conversationId = text.substring(dash + 1, dash + 1 + ReplyToken.CONVERSATION_CHARS);
        String mac = text.substring(dash + 1 + ReplyToken.CONVERSATION_CHARS);
        if (!ReplyToken.KEY_ID.matcher(keyId).matches()
                || TokenAlphabet.decode(conversationId).isEmpty() || TokenAlphabet.decode(mac).isEmpty()) {
            return Optional.empty();
        }
        Optional<ReplyTokenKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ReplyToken candidate = new ReplyToken(keyId, conversationId);
        byte[] expected = TokenSignature.of(key.get(), candidate).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(candidate) : Optional.empty();
    }

    // Only A-Z fold: Unicode folding would let characters such as the Kelvin sign pass for 'k'.
    private static String asciiLowerCase(String token) {
        char[] chars = token.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            } else if (c > 0x7e || c < 0x21) {
                return null;
            }
        }
        return new String(chars);
    }

    /** Same as {@link #verify}, for a whole local part {@code reply+<token>} (prefix in any case). */
    public Optional<ReplyToken> verifyLocalPart(String localPart) {
        if (localPart == null || localPart.length() > 64
                || !localPart.regionMatches(true, 0, ReplyToken.LOCAL_PART_PREFIX, 0, ReplyToken.LOCAL_PART_PREFIX.length())) {
            return Optional.empty();
        }
        return verify(localPart.substring(ReplyToken.LOCAL_PART_PREFIX.length()));
    }
}
