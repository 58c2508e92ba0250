package org.guichet.storage;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * An external PostgreSQL ({@code spring.datasource.url}) that refuses the connection, is
 * unknown, or rejects the credentials: one message naming the URL and the settings to check.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return unreachable(url, cause.getMessage(), failure);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                // SQLSTATE class 08: connection exception; 28: invalid authorisation; 3D000: unknown database.
                if (sql.getSQLState().startsWith("08")) {
                    return unreachable(url, sql.getMessage(), failure);
                }
                if (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000")) {
                    return new FailureAnalysis("The PostgreSQL at " + url + " (spring.datasource.url) refused Guichet: "
                            + sql.getMessage(),
                            "Check spring.datasource.username, spring.datasource.password and the database name in"
                                    + " spring.datasource.url (docs/operator-guide.md, external PostgreSQL).", failure);
                }
            }
        }
        return null;
    }

    private static FailureAnalysis unreachable(String url, String reason, Throwable failure) {
        return new FailureAnalysis("Guichet cannot reach the PostgreSQL at " + url + " (spring.datasource.url): " + reason,
                "Start that PostgreSQL or correct spring.datasource.url. Without spring.datasource.url Guichet runs"
                        + " its own embedded PostgreSQL under guichet.node.home.", failure);
    }
}
