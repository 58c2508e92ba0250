package org.guichet.node;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * A setting Guichet checked at start and refused: its own messages begin with the key
 * concerned ({@code guichet.dkim.domains.x: DKIM key file … does not exist}), which is all a
 * person needs; the wrapping bean-creation exceptions add nothing. Runs after the specific
 * analyzers, Spring Boot's binding ones included.
 */
class SettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable named = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("guichet.")) {
                named = cause;
            }
        }
        if (named == null) {
            return null;
        }
        return new FailureAnalysis("A setting is wrong: " + named.getMessage(),
                "Correct that setting (docs/configuration.md describes every guichet.* key) and start again.", failure);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
