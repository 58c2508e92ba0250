package org.guichet.gateway.smtp;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the port, the setting that chooses it, and the role that can be left out. */
class SmtpListenerFailureAnalyzer extends AbstractFailureAnalyzer<SmtpListenerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SmtpListenerException cause) {
        return new FailureAnalysis("Guichet could not start: " + cause.getMessage() + ".",
                "Stop the program already listening on port " + cause.port() + " (ss -ltnp 'sport = :" + cause.port()
                        + "'), or choose another port with --" + cause.property() + "=PORT, or leave the "
                        + cause.listener() + " role out of guichet.node.roles on this node.", cause);
    }
}
