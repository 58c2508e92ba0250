package org.guichet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock a test sets or moves by hand, to cross retry waits, SLA targets and month ends
 * without waiting. Safe to read from the workers a test starts while the test moves it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Puts the clock at {@code instant}, forwards or backwards. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Moves the clock {@code duration} ahead of where it is now. */
    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same hand-moved clock: a zone changes how instants are shown, not which instant it is. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
