package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed sign-ins per account name: after a few, each new attempt waits; after more, the
 * name is locked for some minutes, right password or not. Guessing a password then takes
 * years instead of hours. Kept in memory: a node restart forgets, which only helps the owner.
 * One per door (the web's sign-in, the submission listener's AUTH): their names are apart.
 */
public class LoginThrottle {

    public static final int SLOW_AFTER = 3;
    public static final int LOCK_AFTER = 10;
    public static final Duration SLOWDOWN = Duration.ofSeconds(1);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait before its password is checked; zero while few attempts failed. */
    public Duration delay(String username) {
        Failures seen = failures.get(key(username));
        return seen != null && seen.count() >= SLOW_AFTER ? SLOWDOWN : Duration.ZERO;
    }

    /** Until when the name is locked, or null. */
    public Instant lockedUntil(String username) {
        Failures seen = failures.get(key(username));
        if (seen == null || seen.count() < LOCK_AFTER) {
            return null;
        }
        Instant until = seen.last().plus(LOCK);
        if (clock.instant().isBefore(until)) {
            return until;
        }
        failures.remove(key(username), seen);
        return null;
    }

    /** Waits what {@link #delay} says before this attempt's password is checked. */
    public void waitTurn(String username) {
        Duration delay = delay(username);
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.merge(key(username), new Failures(1, now), (before, one) -> new Failures(before.count() + 1, now));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last) {
    }
}
