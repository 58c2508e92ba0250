package org.guichet.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file of the node's home that holds a secret (a DKIM private key, a reply-token key): readable
 * by its owner only (0600, like an SSH private key) and written once. The content goes to an
 * owner-only temporary file in the same folder, which is then linked into place: a link fails
 * rather than replaces, so of two processes writing at once, the first one's file stays.
 */
public final class SecretFile {

    /** The permissions of a secret file: read and write for its owner only. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * Writes {@code content} (ASCII) into {@code file}, creating its folder.
     *
     * @return false when another process had written the file first: its content stays, to be read
     */
    public static boolean writeOnce(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String prefix = "." + file.getFileName() + "-";
        Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, prefix, ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
