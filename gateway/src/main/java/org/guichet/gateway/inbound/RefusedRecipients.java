package org.guichet.gateway.inbound;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;

/**
 * Counts the recipients refused in each SMTP session and slows, then cuts off, a client that
 * keeps trying: the first {@code tarpitAfter} refusals are answered at once, each further one
 * after {@code tarpitDelay}, and beyond {@code limit} the session gets {@code 421 4.7.0} and is
 * closed (RFC 5321 §3.8 allows a server to close with 421). Guessing a token or harvesting
 * addresses then costs the client time and connections.
 *
 * <p>The count belongs to the session, which outlives each mail transaction (RSET and a new
 * MAIL do not reset it); sessions are held weakly, so ended ones are forgotten.
 */
final class RefusedRecipients {

    private final InboundProperties.InvalidRecipients limits;
    private final Map<MessageContext, AtomicInteger> counts = Collections.synchronizedMap(new WeakHashMap<>());

    RefusedRecipients(InboundProperties.InvalidRecipients limits) {
        this.limits = limits;
    }

    /**
     * Records one refused recipient of a session, waiting first when the session is past the
     * tarpit threshold.
     *
     * @throws DropConnectionException once the session is past the limit
     */
    void refused(MessageContext session) throws DropConnectionException {
        int count = counts.computeIfAbsent(session, s -> new AtomicInteger()).incrementAndGet();
        if (count > limits.limit()) {
            throw new DropConnectionException(421, "4.7.0 " + session.getSMTPServer().getHostName()
                    + " Error: too many invalid recipients, closing connection");
        }
        if (count > limits.tarpitAfter()) {
            pause(limits.tarpitDelay());
        }
    }

    /** Refusals counted so far in a session. */
    int count(MessageContext session) {
        AtomicInteger count = counts.get(session);
        return count == null ? 0 : count.get();
    }

    // Sessions run on virtual threads: a sleeping session costs no platform thread.
    private static void pause(Duration delay) throws DropConnectionException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DropConnectionException(421, "4.3.2 Service shutting down, closing connection");
        }
    }
}
