package org.guichet.gateway.authentication;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.apache.james.jdkim.DKIMSigner;

/** A DKIM key made for the test: its DNS record, and signatures made with jDKIM's signer. */
record DkimKey(KeyPair pair, String domain, String selector) {

    /** A 2048-bit RSA key, the size RFC 8301 §3.2 asks signers to use. */
    static DkimKey generate(String domain, String selector) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new DkimKey(generator.generateKeyPair(), domain, selector);
    }

    /** Where the key is published (RFC 6376 §3.6.2.1). */
    String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The key record (RFC 6376 §3.6.1). */
    String record() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The message with a {@code DKIM-Signature} of this key on top. */
    byte[] sign(byte[] raw) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=from:to:subject:date:message-id; bh=; b=;", pair.getPrivate());
        String field = signer.sign(new ByteArrayInputStream(raw));
        String header = field.regionMatches(true, 0, "DKIM-Signature:", 0, 15) ? field : "DKIM-Signature: " + field;
        byte[] prefix = (header + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(raw, 0, signed, prefix.length, raw.length);
        return signed;
    }
}
