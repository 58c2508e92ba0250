package org.guichet.gateway.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The key a domain signs with: {@code d=} domain, {@code s=} selector and the RSA private key,
 * whose public half receivers find at {@code <selector>._domainkey.<domain>} (RFC 6376 §3.6.2).
 *
 * @param domain   the signing domain, lower case, A-labels (IDNA)
 * @param selector the selector, lower case
 */
public record DkimKey(String domain, String selector, RSAPrivateCrtKey privateKey) {

    /** RFC 8301 §3.2: signers MUST use at least 1024 bits, and SHOULD use 2048. */
    public static final int MIN_BITS = 1024;
    /** A DNS TXT character-string holds at most 255 octets (RFC 1035 §3.3); longer values are split. */
    private static final int TXT_STRING_LIMIT = 255;

    public DkimKey {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("the DKIM key of " + domain + " has " + privateKey.getModulus().bitLength()
                    + " bits; RFC 8301 requires at least " + MIN_BITS + " (2048 recommended)");
        }
    }

    public int bits() {
        return privateKey.getModulus().bitLength();
    }

    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** Where receivers look the public key up: {@code <selector>._domainkey.<domain>}. */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT value to publish, in one piece, as DNS hosting screens ask for it. */
    public String txtValue() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    /**
     * The record as a zone-file line, the value cut into strings of at most 255 octets (a
     * 2048-bit key does not fit in one); receivers join them (RFC 6376 §3.6.2.2).
     */
    public String zoneRecord() {
        String value = txtValue();
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += TXT_STRING_LIMIT) {
            strings.add('"' + value.substring(start, Math.min(value.length(), start + TXT_STRING_LIMIT)) + '"');
        }
        return recordName() + ". IN TXT " + (strings.size() == 1 ? strings.get(0) : "( " + String.join(" ", strings) + " )");
    }

    /** Never the key itself, which would otherwise end up in logs. */
    @Override
    public String toString() {
        return "DkimKey[" + recordName() + ", rsa " + bits() + " bits]";
    }
}
