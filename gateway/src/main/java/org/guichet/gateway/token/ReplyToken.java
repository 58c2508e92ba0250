package org.guichet.gateway.token;

import java.util.regex.Pattern;

/**
 * What a reply address says once its signature is checked: which key signed it and which
 * conversation (one official message to one recipient) it belongs to.
 *
 * <p>The conversation id is {@value #CONVERSATION_BITS} random bits, written in the lower-case
 * base32 of {@link TokenAlphabet}; it is drawn once per conversation and never reused, so it
 * says nothing about the administration, the recipient or the date.
 *
 * @param keyId          id of the signing key in the {@link ReplyTokenKeyRing}
 * @param conversationId random conversation id, {@value #CONVERSATION_CHARS} base32 characters
 */
public record ReplyToken(String keyId, String conversationId) {

    /** Local parts of reply addresses start with this, then the signed token. */
    public static final String LOCAL_PART_PREFIX = "reply+";

    /** Random bits in a conversation id. */
    public static final int CONVERSATION_BITS = 80;

    /** Length of a conversation id in base32 characters (80 bits, no padding). */
    public static final int CONVERSATION_CHARS = CONVERSATION_BITS / 5;

    /** Key ids: lower-case letters and digits only, so case folding cannot change them. */
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");

    public ReplyToken {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1 to 16 lower-case letters or digits: " + keyId);
        }
        if (conversationId == null || conversationId.length() != CONVERSATION_CHARS
                || TokenAlphabet.decode(conversationId).isEmpty()) {
            throw new IllegalArgumentException("conversation id must be " + CONVERSATION_CHARS
                    + " lower-case base32 characters: " + conversationId);
        }
    }
}
