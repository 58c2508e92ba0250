package org.guichet.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded PostgreSQL refused to run: what it said, where its log is, and the ways out. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        StringBuilder action = new StringBuilder();
        if (cause.getMessage().startsWith("another Guichet")) {
            action.append("Stop the other Guichet, or give this one another folder with --guichet.node.home=DIR.");
        } else {
            if (cause.logFile() != null) {
                action.append("Read PostgreSQL's log, ").append(cause.logFile()).append(". ");
            }
            action.append("Fix what it says (a data folder of another PostgreSQL version, permissions, a full disk),")
                    .append(" or start on a new folder with --guichet.node.home=DIR, or use an external PostgreSQL")
                    .append(" with --spring.datasource.url=jdbc:postgresql://HOST/DB.");
        }
        return new FailureAnalysis("The embedded PostgreSQL could not be used: " + cause.getMessage(),
                action.toString(), cause);
    }
}
