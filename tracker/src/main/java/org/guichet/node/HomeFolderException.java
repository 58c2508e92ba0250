package org.guichet.node;

import java.nio.file.Path;

/** {@code guichet.node.home} cannot be created or written by the user running Guichet. */
public class HomeFolderException extends RuntimeException {

    private final Path home;

    public HomeFolderException(Path home, String reason) {
        super("Guichet cannot use " + home + " as its home folder: " + reason);
        this.home = home;
    }

    public Path home() {
        return home;
    }
}
