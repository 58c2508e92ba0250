package org.guichet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.guichet.node.NodeProperties;
import org.guichet.node.SecretFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Pseudonyms of citizens' addresses in exports: {@code hmac-sha256:<hex>} of the address
 * (trimmed, lower case) under a key of this installation, {@code <home>/keys/address-pseudonym.key}
 * (32 random bytes in base64, mode 0600, made on first use). The same address always gives
 * the same pseudonym, so an auditor counts distinct citizens; without the key nobody can
 * test a guessed address against it, as one could with a plain hash.
 */
@Component
public class AddressPseudonyms {

    /** The prefix of every pseudonym. */
    public static final String PREFIX = "hmac-sha256:";

    private final Path file;
    private volatile SecretKeySpec key;

    /** The pseudonyms of this node's installation: the key in its home. */
    @Autowired
    public AddressPseudonyms(NodeProperties node) {
        this(node.home().resolve("keys").resolve("address-pseudonym.key"));
    }

    /** Pseudonyms under the key in {@code file}, made there on first use. */
    public AddressPseudonyms(Path file) {
        this.file = file;
    }

    /** The pseudonym of {@code address}; null stays null. */
    public String of(String address) {
        if (address == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return PREFIX + HexFormat.of().formatHex(
                    mac.doFinal(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(read(), "HmacSHA256");
                }
                loaded = key;
            }
        }
        return loaded;
    }

    private byte[] read() {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                SecretFile.writeOnce(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (bytes.length < 32) {
                throw new IllegalStateException("the address pseudonym key " + file + " holds " + bytes.length
                        + " bytes, fewer than 32");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the address pseudonym key " + file + " cannot be read or written", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the address pseudonym key " + file + " is not base64", e);
        }
    }
}
