package org.guichet.gateway.token;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 key of the {@link ReplyTokenKeyRing}. The secret never leaves this class
 * except to be written to its key file, and {@link #toString()} does not show it.
 */
public final class ReplyTokenKey {

    /** Shortest secret accepted: 256 bits, the output size of SHA-256 (RFC 2104 §3). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final String id;
    private final byte[] secret;

    public ReplyTokenKey(String id, byte[] secret) {
        if (id == null || !ReplyToken.KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("reply-token key id must be 1 to 16 lower-case letters or digits, not '" + id + "'");
        }
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("reply-token key '" + id + "' is too short: at least "
                    + MIN_SECRET_BYTES + " bytes are needed, " + (secret == null ? 0 : secret.length) + " given");
        }
        this.id = id;
        this.secret = secret.clone();
    }

    public String id() {
        return id;
    }

    byte[] secret() {
        return secret.clone();
    }

    byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    boolean sameSecretAs(ReplyTokenKey other) {
        return MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplyTokenKey key && id.equals(key.id) && sameSecretAs(key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ReplyTokenKey[" + id + "]";
    }
}
