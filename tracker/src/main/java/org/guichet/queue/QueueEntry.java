package org.guichet.queue;

import java.time.Instant;
import java.util.List;

/**
 * A message in the queue as an operator sees it.
 *
 * @param stage pipeline (waiting for the mailet pipeline), delivery (being relayed) or done
 */
public record QueueEntry(String queueId, String sender, Instant receivedAt, int size, String stage,
        String submitter, String clientAddress, List<RecipientState> recipients) {

    /** Delivery state of one recipient. */
    public record RecipientState(String recipient, String status, int attempts, Instant nextAttemptAt,
            String lastReply) {
    }
}
