package org.guichet.gateway.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to try a temporarily failed recipient again, and when to give up. RFC 5321 §4.5.4.1:
 * retry at least 30 minutes apart once the first attempts are past, give up after 4 to 5 days.
 */
class RetrySchedule {

    private final List<Duration> waits;
    private final Duration maxAge;

    RetrySchedule(List<Duration> waits, Duration maxAge) {
        this.waits = List.copyOf(waits);
        this.maxAge = maxAge;
    }

    /** Whether a message received at {@code receivedAt} is too old to try again at {@code now}. */
    boolean expired(Instant receivedAt, Instant now) {
        return !now.isBefore(receivedAt.plus(maxAge));
    }

    /**
     * The next attempt after the {@code failures}-th temporary failure; never later than the
     * expiry, so that the last attempt happens right when the message reaches its max age.
     */
    Instant nextAttempt(int failures, Instant receivedAt, Instant now) {
        Duration wait = waits.get(Math.min(Math.max(failures, 1), waits.size()) - 1);
        Instant next = now.plus(wait);
        Instant expiry = receivedAt.plus(maxAge);
        return next.isAfter(expiry) ? expiry : next;
    }

    /** The transition for one attempt's result. */
    Transition decide(Claim claim, RecipientResult result, Instant now) {
        return switch (result.verdict()) {
            case DELIVERED -> new Transition(Transition.Status.DELIVERED, result.reply(), result.remote(), null);
            case PERMANENT_FAILURE -> new Transition(Transition.Status.BOUNCED, result.reply(), result.remote(), null);
            case TEMPORARY_FAILURE -> expired(claim.receivedAt(), now)
                    ? new Transition(Transition.Status.EXPIRED, result.reply(), result.remote(), null)
                    : new Transition(Transition.Status.DEFERRED, result.reply(), result.remote(),
                            nextAttempt(claim.attempts() + 1, claim.receivedAt(), now));
        };
    }
}
