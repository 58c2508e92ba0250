package org.guichet.gateway.smtp;

import java.net.InetAddress;

import org.subethamail.smtp.server.Session;

/**
 * When a password may cross the wire: only inside TLS, or in clear on a loopback
 * connection when the operator allows it (a local application on the same host).
 * Public so that listeners of other packages (inbound) can be built with {@link SmtpServerFactory}.
 */
public record AuthPolicy(boolean plaintextOnLoopback) {

    boolean permits(Session session) {
        if (session.isTLSStarted()) {
            return true;
        }
        InetAddress client = session.getRemoteAddress().getAddress();
        return plaintextOnLoopback && client.isLoopbackAddress();
    }
}
