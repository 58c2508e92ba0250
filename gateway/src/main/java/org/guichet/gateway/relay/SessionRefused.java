package org.guichet.gateway.relay;

/**
 * The next hop would not open a mail session (greeting, EHLO, STARTTLS or AUTH failed, or
 * the TLS policy forbids going on); the reply tells whether to try later.
 */
public class SessionRefused extends Exception {

    private final transient SmtpReply reply;

    public SessionRefused(SmtpReply reply) {
        super(reply.oneLine());
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
