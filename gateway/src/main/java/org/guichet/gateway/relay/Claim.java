package org.guichet.gateway.relay;

import java.time.Instant;

/**
 * A recipient this node holds the lease on, with what delivering it needs from its message.
 *
 * @param recipientId id of the spool_recipient row
 * @param messageId   id of the spool_message row
 * @param queueId     queue id of the message, the key of every log line
 * @param sender      envelope sender; empty for the null sender
 * @param recipient   envelope recipient
 * @param attempts    attempts made before this one
 * @param receivedAt  when the gateway accepted the message (start of the max age)
 * @param bounceRequested an operator asked to give up on this recipient: bounce it without trying
 */
public record Claim(long recipientId, long messageId, String queueId, String sender, String recipient, int attempts,
                    Instant receivedAt, boolean bounceRequested) {

    public Claim(long recipientId, long messageId, String queueId, String sender, String recipient, int attempts,
            Instant receivedAt) {
        this(recipientId, messageId, queueId, sender, recipient, attempts, receivedAt, false);
    }
}
