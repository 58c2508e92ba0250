package org.guichet.gateway.relay;

import java.time.Instant;

/**
 * The new state of a recipient after an attempt.
 *
 * @param status      delivered, deferred, bounced or expired (spool_recipient.status)
 * @param reply       the reply that decided it
 * @param remote      the host that answered, or null
 * @param nextAttempt when to try again; meaningful for deferred only
 */
public record Transition(Status status, SmtpReply reply, RemoteHost remote, Instant nextAttempt) {

    public enum Status {
        DELIVERED("delivered", "sent"),
        DEFERRED("deferred", "deferred"),
        BOUNCED("bounced", "bounced"),
        EXPIRED("expired", "expired");

        private final String column;
        private final String logWord;

        Status(String column, String logWord) {
            this.column = column;
            this.logWord = logWord;
        }

        /** The value stored in spool_recipient.status and delivery_attempt.outcome. */
        public String column() {
            return column;
        }

        /** Postfix's word in {@code status=}. */
        public String logWord() {
            return logWord;
        }

        /** Whether the sender must be told (RFC 3464). */
        public boolean failed() {
            return this == BOUNCED || this == EXPIRED;
        }
    }
}
