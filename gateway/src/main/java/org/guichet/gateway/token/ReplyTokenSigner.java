package org.guichet.gateway.token;

import java.security.SecureRandom;

/**
 * Opens conversations and writes their tokens. A token is
 * {@code <key id>-<conversation id><mac>}: key id, 16 base32 characters of random conversation
 * id, 16 of truncated HMAC-SHA256, all lower case. With the {@code reply+} prefix the local part
 * is at most 6 + 16 + 1 + 32 = 55 characters, inside the 64 of RFC 5321 §4.5.3.1.1.
 */
public final class ReplyTokenSigner {

    private final ReplyTokenKeyRing keys;
    private final SecureRandom random;

    public ReplyTokenSigner(ReplyTokenKeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** A new conversation under the active key, with a fresh random id. */
    public ReplyToken newConversation() {
        byte[] id = new byte[ReplyToken.CONVERSATION_BITS / 8];
        random.nextBytes(id);
        return new ReplyToken(keys.active().id(), TokenAlphabet.encode(id));
    }

    /** The signed token of a conversation, signed with the key the conversation names. */
    public String sign(ReplyToken token) {
        ReplyTokenKey key = keys.find(token.keyId())
                .orElseThrow(() -> new IllegalArgumentException("no reply-token key '" + token.keyId() + "' in the ring"));
        return token.keyId() + "-" + token.conversationId() + TokenSignature.of(key, token);
    }

    /** The local part of the reply address of a conversation: {@code reply+<token>}. */
    public String localPart(ReplyToken token) {
        return ReplyToken.LOCAL_PART_PREFIX + sign(token);
    }
}
