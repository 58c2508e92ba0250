package org.guichet.gateway.smtp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO announcing what Guichet supports: the library's own EHLO omits PIPELINING
 * (RFC 2920), which its session loop handles, and would offer AUTH before STARTTLS.
 * AUTH is announced only on an encrypted session, or in clear on loopback when allowed.
 */
final class ExtendedEhloCommand extends BaseCommand {

    private final AuthPolicy authPolicy;

    ExtendedEhloCommand(AuthPolicy authPolicy) {
        super("EHLO", "Introduce yourself.", "<hostname>");
        this.authPolicy = authPolicy;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        String[] args = getArgs(commandString);
        if (args.length < 2) {
            session.sendResponse("501 5.5.4 Syntax: EHLO hostname");
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);

        StringBuilder response = new StringBuilder("250-").append(session.getServer().getHostName());
        response.append("\r\n250-PIPELINING");
        int maxSize = session.getServer().getMaxMessageSize();
        if (maxSize > 0) {
            response.append("\r\n250-SIZE ").append(maxSize);
        }
        response.append("\r\n250-8BITMIME");
        response.append("\r\n250-SMTPUTF8");
        if (session.getServer().getEnableTLS() && !session.isTLSStarted()) {
            response.append("\r\n250-STARTTLS");
        }
        Optional<AuthenticationHandlerFactory> auth = session.getServer().getAuthenticationHandlerFactory();
        if (auth.isPresent() && authPolicy.permits(session)) {
            List<String> mechanisms = auth.get().getAuthenticationMechanisms();
            if (!mechanisms.isEmpty()) {
                response.append("\r\n250-AUTH ").append(String.join(" ", mechanisms));
            }
        }
        response.append("\r\n250 CHUNKING");
        session.sendResponse(response.toString());
    }
}
