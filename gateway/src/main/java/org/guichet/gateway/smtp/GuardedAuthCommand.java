package org.guichet.gateway.smtp;

import java.io.IOException;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/** AUTH refused outside TLS, as RFC 4954 §4 asks of servers that protect plain passwords. */
final class GuardedAuthCommand extends BaseCommand {

    private final Command auth;
    private final AuthPolicy policy;

    GuardedAuthCommand(Command auth, AuthPolicy policy) {
        super("AUTH", "Authentication", "mechanism [initial-response]");
        this.auth = auth;
        this.policy = policy;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        // A listener built without authentication (inbound MX) has none to offer, TLS or not.
        if (session.getServer().getAuthenticationHandlerFactory().isEmpty()) {
            session.sendResponse("502 5.5.1 Authentication not available on this service");
            return;
        }
        if (!policy.permits(session)) {
            session.sendResponse("538 5.7.11 Encryption required for requested authentication mechanism");
            return;
        }
        auth.execute(commandString, session);
    }
}
