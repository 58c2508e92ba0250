package org.guichet.gateway.relay;

/**
 * The next hop would not open a mail session (greeting, EHLO, STARTTLS or AUTH failed, or
 * the TLS policy forbids going on); the reply tells whether to try later.
 */
public class SessionRefused extends RefusedWithReply {

    public SessionRefused(SmtpReply reply) {
        super(reply);
    }
}
