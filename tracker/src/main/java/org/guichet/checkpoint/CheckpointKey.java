package org.guichet.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An Ed25519 key that signs or verifies checkpoints, named like a signed-note key
 * ({@code guichet/caf-34}). Its public half is given to auditors as a verifier key,
 * {@code NAME+KEYID+BASE64(0x01 || public key)}, which is all they need to check a checkpoint.
 */
public final class CheckpointKey {

    /** Signed-note's algorithm byte for Ed25519. */
    private static final byte ED25519 = 0x01;
    /** The X.509 encoding of an Ed25519 public key: 12 bytes of header, then the 32 raw bytes. */
    private static final int X509_HEADER = 12;

    private final String name;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final byte[] keyId;

    private CheckpointKey(String name, PublicKey publicKey, PrivateKey privateKey) {
        if (name == null || name.isBlank() || name.contains(" ") || name.contains("+")) {
            throw new IllegalArgumentException("a key name is one word without '+': '" + name + "'");
        }
        this.name = name;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.keyId = keyId(name, raw(publicKey));
    }

    /**
     * The signing key of this node, {@code <home>/keys/event-log-checkpoint.key} (PKCS#8, mode
     * 0600), generated on first use; its verifier key is written beside it in {@code .pub}.
     */
    public static CheckpointKey inHome(Path home, String name) {
        Path file = home.resolve("keys").resolve("event-log-checkpoint.key");
        try {
            if (!Files.exists(file)) {
                generate(file, name);
            }
            String encoded = Files.readString(file, StandardCharsets.US_ASCII).strip();
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
            Path verifier = file.resolveSibling("event-log-checkpoint.pub");
            PublicKey publicKey = verifier(Files.readString(verifier, StandardCharsets.US_ASCII).strip()).publicKey;
            return new CheckpointKey(name, publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint key " + file + " cannot be read or written", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint key " + file + " is not an Ed25519 key: " + e.getMessage(),
                    e);
        }
    }

    /**
     * A key that only verifies, from its verifier key text.
     *
     * @throws IllegalArgumentException when the text is not {@code NAME+KEYID+BASE64}
     */
    public static CheckpointKey verifier(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is NAME+KEYID+BASE64, not '" + text.strip() + "'");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key of " + parts[0] + " is not an Ed25519 key");
        }
        CheckpointKey key = new CheckpointKey(parts[0], publicKey(Arrays.copyOfRange(typed, 1, 33)), null);
        if (!key.keyIdHex().equals(parts[1].toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the verifier key of " + parts[0] + " does not match its id "
                    + parts[1]);
        }
        return key;
    }

    public String name() {
        return name;
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** The public half as auditors are given it. */
    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(raw(publicKey), 0, typed, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The checkpoint with this key's signature added. */
    public Checkpoint sign(Checkpoint checkpoint) {
        if (privateKey == null) {
            throw new IllegalStateException("the key " + verifierKey() + " only verifies");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            return checkpoint.signedBy(new Checkpoint.Signature(name, keyId, signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether one of the checkpoint's signatures is this key's, and holds. */
    public boolean signed(Checkpoint checkpoint) {
        return signatureOf(checkpoint).map(signature -> {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
                return verifier.verify(signature.signature());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }).orElse(false);
    }

    /** This key's signature line on the checkpoint, by name and key id. */
    Optional<Checkpoint.Signature> signatureOf(Checkpoint checkpoint) {
        return checkpoint.signatures().stream()
                .filter(s -> s.name().equals(name) && Arrays.equals(s.keyId(), keyId)).findFirst();
    }

    private static void generate(Path file, String name) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another process of this home generated it first
        }
        CheckpointKey key = new CheckpointKey(name, pair.getPublic(), pair.getPrivate());
        Files.writeString(file.resolveSibling("event-log-checkpoint.pub"), key.verifierKey() + "\n",
                StandardCharsets.US_ASCII);
        Files.writeString(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
                StandardCharsets.US_ASCII);
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, X509_HEADER, encoded.length);
    }

    private static PublicKey publicKey(byte[] raw) {
        // The fixed X.509 prefix of Ed25519 keys (RFC 8410 §4): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING.
        byte[] encoded = new byte[X509_HEADER + 32];
        byte[] header = HexFormat.of().parseHex("302a300506032b6570032100");
        System.arraycopy(header, 0, encoded, 0, X509_HEADER);
        System.arraycopy(raw, 0, encoded, X509_HEADER, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** signed-note: the first 4 bytes of SHA-256(name || '\n' || algorithm byte || public key). */
    private static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(rawPublicKey);
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
