package org.guichet.gateway.dkim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import org.guichet.node.SecretFile;

/**
 * A DKIM private key on disk: PKCS#8 in PEM ({@code -----BEGIN PRIVATE KEY-----}), what
 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048} writes. Files Guichet
 * generates are readable by the owner only (0600), like an SSH private key.
 */
public final class DkimKeyFile {

    /** Bits of the keys Guichet generates (RFC 8301 §3.2: SHOULD be at least 2048). */
    public static final int GENERATED_BITS = 2048;

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final Path file;

    public DkimKeyFile(Path file) {
        this.file = file;
    }

    /** The file Guichet generates for a domain: {@code <home>/keys/dkim-<domain>-<selector>.pem}. */
    public static DkimKeyFile generatedIn(Path home, String domain, String selector) {
        return new DkimKeyFile(home.resolve("keys").resolve("dkim-" + domain + "-" + selector + ".pem"));
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Reads the key. Refuses a file others may read: whoever reads it can sign mail that
     * receivers take as the administration's own.
     */
    public DkimKey read(String domain, String selector) {
        String pem;
        try {
            refuseWorldReadable();
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("DKIM key file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DKIM key file " + file, e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("DKIM key file " + file + " is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it to"
                    + " PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out <new file>'");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("DKIM key file " + file + " is not a PEM PKCS#8 private key (" + BEGIN + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("DKIM key file " + file + " does not hold a full RSA private key");
            }
            return new DkimKey(domain, selector, rsa);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("DKIM key file " + file + " does not hold an RSA private key: " + e.getMessage(), e);
        }
    }

    /**
     * Generates a key into the file, unless another process wrote one first: the new file is
     * linked into place, which fails rather than replaces, and whatever is then there is read.
     */
    public DkimKey generate(String domain, String selector, SecureRandom random) {
        RSAPrivateCrtKey key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_BITS, random);
            key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JVM", e);
        }
        boolean written;
        try {
            written = SecretFile.writeOnce(file, pem(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write DKIM key file " + file, e);
        }
        return written ? new DkimKey(domain, selector, key) : read(domain, selector);
    }

    private static String pem(PrivateKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    private void refuseWorldReadable() throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        PosixFileAttributes attributes = posix.readAttributes();
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalStateException("DKIM key file " + file + " is readable by everyone ("
                    + PosixFilePermissions.toString(permissions) + "): run 'chmod 600 " + file + "'");
        }
        // Group read is how a key owned by root reaches the service's group (0640 root:guichet); on a
        // key the service owns itself it only widens who can sign as the administration.
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                && attributes.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("DKIM key file " + file + " is readable by the group "
                    + attributes.group().getName() + " (" + PosixFilePermissions.toString(permissions)
                    + ") although Guichet owns it: run 'chmod 600 " + file + "'");
        }
    }
}
