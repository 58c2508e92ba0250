package org.guichet.gateway.relay;

/**
 * What the next hop said about one recipient in one attempt.
 *
 * @param recipient the envelope recipient
 * @param verdict   delivered, to retry, or refused for good
 * @param reply     the reply that decided it (the server's, or one Guichet wrote for a
 *                  connection or DNS failure)
 * @param remote    the host that gave the reply, or null when none was reached
 */
public record RecipientResult(String recipient, Verdict verdict, SmtpReply reply, RemoteHost remote) {

    public enum Verdict {
        DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE
    }

    static RecipientResult of(String recipient, SmtpReply reply, RemoteHost remote) {
        Verdict verdict = reply.positive() ? Verdict.DELIVERED
                : reply.permanentFailure() ? Verdict.PERMANENT_FAILURE : Verdict.TEMPORARY_FAILURE;
        return new RecipientResult(recipient, verdict, reply, remote);
    }
}
