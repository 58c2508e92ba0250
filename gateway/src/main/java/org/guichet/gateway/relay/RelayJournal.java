package org.guichet.gateway.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Postfix-style log line per recipient transition, keyed by queue id, and the relay's
 * counters ({@code guichet.relay.delivered}, {@code .deferred}, {@code .bounced} tagged
 * {@code reason=permanent|expired}).
 */
class RelayJournal {

    private static final Logger log = LoggerFactory.getLogger(RelayJournal.class);

    private final Counter delivered;
    private final Counter deferred;
    private final Counter bouncedPermanent;
    private final Counter bouncedExpired;

    RelayJournal(MeterRegistry registry) {
        delivered = Counter.builder("guichet.relay.delivered").description("recipients delivered").register(registry);
        deferred = Counter.builder("guichet.relay.deferred").description("attempts failed temporarily").register(registry);
        bouncedPermanent = Counter.builder("guichet.relay.bounced").tag("reason", "permanent")
                .description("recipients refused for good").register(registry);
        bouncedExpired = Counter.builder("guichet.relay.bounced").tag("reason", "expired")
                .description("recipients given up after the max age").register(registry);
    }

    void transition(Claim claim, Transition transition, Instant now) {
        double delay = Duration.between(claim.receivedAt(), now).toMillis() / 1000.0;
        log.info("queue {}: to=<{}> relay={} delay={} attempts={} status={} ({})", claim.queueId(), claim.recipient(),
                transition.remote() == null ? "none" : transition.remote().describe(),
                String.format(Locale.ROOT, "%.2f", delay), claim.attempts() + 1, transition.status().logWord(),
                transition.reply().oneLine());
        switch (transition.status()) {
            case DELIVERED -> delivered.increment();
            case DEFERRED -> deferred.increment();
            case BOUNCED -> bouncedPermanent.increment();
            case EXPIRED -> bouncedExpired.increment();
        }
    }

    void notified(Claim original, String dsnQueueId) {
        log.info("queue {}: sender non-delivery notification: {}", original.queueId(), dsnQueueId);
    }

    void notNotified(Claim original) {
        // RFC 3464 / RFC 5321 §6.1: never a notification to the null sender (no loops)
        log.info("queue {}: no non-delivery notification: null sender", original.queueId());
    }

    void notificationFailed(Claim original, Exception cause) {
        log.warn("queue {}: non-delivery notification not spooled, recipients kept for retry: {}", original.queueId(),
                cause.getMessage());
    }

    void leaseLost(Claim claim) {
        log.warn("queue {}: to=<{}> lease lost during the attempt; another node owns the recipient now", claim.queueId(),
                claim.recipient());
    }
}
