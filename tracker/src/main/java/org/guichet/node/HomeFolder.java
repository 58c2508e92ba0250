package org.guichet.node;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder of this node ({@code guichet.node.home}): embedded database, keys, logs. Created on
 * first use readable by its owner only, since it holds the reply-token and DKIM keys; checked
 * writable before anything starts, so that a wrong folder is one clear message, not a
 * PostgreSQL that gives up a minute later.
 */
public final class HomeFolder {

    private final Path path;

    private HomeFolder(Path path) {
        this.path = path;
    }

    /** Creates the folder (owner-only) when missing and checks that this user may write in it. */
    public static HomeFolder prepare(Path home) {
        Path path = home.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(path)) {
                if (Files.exists(path)) {
                    throw new HomeFolderException(path, "it exists and is not a folder");
                }
                Files.createDirectories(path.getParent());
                Files.createDirectory(path,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path probe = Files.createTempFile(path, ".write-check", "");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new HomeFolderException(path, "permission denied on " + e.getFile());
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new HomeFolderException(path, e.getFile() + " is a file, not a folder");
        } catch (FileSystemException e) {
            throw new HomeFolderException(path, e.getReason() == null ? e.getMessage() : e.getReason());
        } catch (IOException e) {
            throw new HomeFolderException(path, e.getMessage());
        }
        return new HomeFolder(path);
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
