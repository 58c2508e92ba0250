package org.guichet.gateway.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guichet.node.SecretFile;

/**
 * Key files under {@code <guichet.node.home>/keys}: {@code reply-token-<id>.key}, one base64 secret
 * each, readable by the owner only (mode 0600), like an SSH private key.
 */
public final class ReplyTokenKeyFolder {

    private static final Pattern FILE_NAME = Pattern.compile("reply-token-([a-z0-9]{1,16})\\.key");

    private final Path folder;

    public ReplyTokenKeyFolder(Path folder) {
        this.folder = folder;
    }

    /** The key folder of a Guichet home. */
    public static ReplyTokenKeyFolder ofHome(Path home) {
        return new ReplyTokenKeyFolder(home.resolve("keys"));
    }

    public Path fileOf(String keyId) {
        return folder.resolve("reply-token-" + keyId + ".key");
    }

    /** Every key file of the folder, by key id; none when the folder does not exist. */
    public Map<String, ReplyTokenKey> load() {
        Map<String, ReplyTokenKey> keys = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(folder).sorted()) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    keys.put(name.group(1), read(name.group(1), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list reply-token keys in " + folder, e);
        }
        return keys;
    }

    /**
     * Writes a new random key, unless another process wrote one under this id first: the file is
     * linked into place, which fails rather than replaces, and whatever is then in place is used.
     */
    public ReplyTokenKey generate(String keyId, SecureRandom random) {
        byte[] secret = new byte[ReplyTokenKey.MIN_SECRET_BYTES];
        random.nextBytes(secret);
        ReplyTokenKey key = new ReplyTokenKey(keyId, secret);
        Path target = fileOf(keyId);
        boolean written;
        try {
            written = SecretFile.writeOnce(target, Base64.getEncoder().encodeToString(secret) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reply-token key " + target, e);
        }
        return written ? key : read(keyId, target);
    }

    private static ReplyTokenKey read(String keyId, Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(posix.readAttributes().permissions());
                permissions.removeAll(SecretFile.OWNER_ONLY);
                permissions.remove(PosixFilePermission.OWNER_EXECUTE);
                if (!permissions.isEmpty()) {
                    throw new IllegalStateException("reply-token key " + file + " is readable by others ("
                            + PosixFilePermissions.toString(posix.readAttributes().permissions())
                            + "): run 'chmod 600 " + file + "'");
                }
            }
            String base64 = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("reply-token key " + file + " does not hold a valid base64 secret", e);
            }
            return new ReplyTokenKey(keyId, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reply-token key " + file, e);
        }
    }
}
