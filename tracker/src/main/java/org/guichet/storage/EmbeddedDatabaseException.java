package org.guichet.storage;

import java.nio.file.Path;

/** The embedded PostgreSQL could not be started or joined. */
public class EmbeddedDatabaseException extends RuntimeException {

    private final Path home;
    private final Path logFile;

    EmbeddedDatabaseException(Path home, Path logFile, String reason, Throwable cause) {
        super(reason, cause);
        this.home = home;
        this.logFile = logFile;
    }

    /** The home folder concerned, or null. */
    public Path home() {
        return home;
    }

    /** PostgreSQL's own log, or null when it never ran. */
    public Path logFile() {
        return logFile;
    }
}
