package org.guichet.gateway.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The MAC part of a token: HMAC-SHA256 over the key id and conversation id, truncated. */
final class TokenSignature {

    /**
     * MAC bits kept: the 80-bit floor of RFC 2104 §5, enough when every guess costs an SMTP
     * transaction, and short enough to keep the address under 64 characters.
     */
    static final int MAC_BITS = 80;
    static final int MAC_CHARS = MAC_BITS / 5;

    // Domain separation: the same key must never produce a MAC valid for another use.
    private static final byte[] CONTEXT = "guichet reply token v1\0".getBytes(StandardCharsets.US_ASCII);

    private TokenSignature() {
    }

    static String of(ReplyTokenKey key, ReplyToken token) {
        byte[] conversation = TokenAlphabet.decode(token.conversationId()).orElseThrow();
        byte[] keyId = token.keyId().getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[CONTEXT.length + keyId.length + 1 + conversation.length];
        System.arraycopy(CONTEXT, 0, data, 0, CONTEXT.length);
        System.arraycopy(keyId, 0, data, CONTEXT.length, keyId.length);
        data[CONTEXT.length + keyId.length] = 0;
        System.arraycopy(conversation, 0, data, CONTEXT.length + keyId.length + 1, conversation.length);
        return TokenAlphabet.encode(Arrays.copyOf(key.mac(data), MAC_BITS / 8));
    }
}
