package org.guichet.queue;

import java.time.Instant;
import java.util.List;

/** One message in full: its queue entry, its headers and every delivery attempt. */
public record QueueDetail(QueueEntry entry, String headers, String error, List<Attempt> attempts) {

    /** One delivery attempt to one recipient, as the relay logged it. */
    public record Attempt(String recipient, Instant attemptedAt, String node, String nextHop, String outcome,
            String reply) {
    }
}
