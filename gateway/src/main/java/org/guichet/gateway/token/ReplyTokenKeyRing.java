package org.guichet.gateway.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys reply tokens are signed with: several by id, one active. New tokens are signed with
 * the active key; a token signed with any key of the ring still verifies, so a key can be
 * rotated (add the new key, make it active, keep the old one until its conversations close)
 * without breaking the reply addresses already in citizens' mailboxes.
 */
public final class ReplyTokenKeyRing {

    /** Id of the key Guichet generates when none is configured. */
    public static final String GENERATED_KEY_ID = "k1";

    private final Map<String, ReplyTokenKey> keys;
    private final ReplyTokenKey active;

    public ReplyTokenKeyRing(Map<String, ReplyTokenKey> keys, String activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the reply-token key ring is empty");
        }
        this.keys = Map.copyOf(keys);
        this.active = this.keys.get(activeKeyId);
        if (active == null) {
            throw new IllegalArgumentException("guichet.tokens.active-key names '" + activeKeyId
                    + "', which is not one of the reply-token keys " + new TreeMap<>(keys).keySet());
        }
    }

    /**
     * Builds the ring from configured secrets and the key files of {@code folder}. With neither,
     * a key is generated once into the folder, so a single node works out of the box.
     *
     * @param configured  key id to base64 secret ({@code guichet.tokens.keys.<id>})
     * @param activeKeyId {@code guichet.tokens.active-key}; may be null when the ring holds one key
     */
    public static ReplyTokenKeyRing load(Map<String, String> configured, String activeKeyId,
                                         ReplyTokenKeyFolder folder, SecureRandom random) {
        Map<String, ReplyTokenKey> keys = new LinkedHashMap<>(folder.load());
        configured.forEach((id, base64) -> {
            ReplyTokenKey key = new ReplyTokenKey(id, decodeSecret(id, base64));
            ReplyTokenKey stored = keys.get(id);
            if (stored != null && !stored.sameSecretAs(key)) {
                throw new IllegalArgumentException("guichet.tokens.keys." + id + " differs from the key stored in "
                        + folder.fileOf(id) + "; give the new key another id, or remove the file");
            }
            keys.put(id, key);
        });
        if (keys.isEmpty()) {
            ReplyTokenKey generated = folder.generate(GENERATED_KEY_ID, random);
            keys.put(generated.id(), generated);
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
        if (active == null) {
            if (keys.size() > 1) {
                throw new IllegalArgumentException("several reply-token keys are known " + new TreeMap<>(keys).keySet()
                        + ": set guichet.tokens.active-key to the one new tokens are signed with");
            }
            active = keys.keySet().iterator().next();
        }
        return new ReplyTokenKeyRing(keys, active);
    }

    private static byte[] decodeSecret(String id, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("guichet.tokens.keys." + id + " is empty: give a base64 secret of at least "
                    + ReplyTokenKey.MIN_SECRET_BYTES + " bytes (e.g. 'openssl rand -base64 32')");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("guichet.tokens.keys." + id + " is not valid base64", e);
        }
    }

    public ReplyTokenKey active() {
        return active;
    }

    public Optional<ReplyTokenKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public String toString() {
        return "ReplyTokenKeyRing[keys=" + new TreeMap<>(keys).keySet() + ", active=" + active.id() + "]";
    }
}
