package org.guichet.gateway.spool;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queue identifiers in the Postfix manner: short, upper-case hexadecimal, unique, ordered by
 * time so that logs read in order. Microseconds since the epoch, made strictly increasing
 * within this process (a batch shares one clock reading), plus 16 random bits that keep
 * nodes sharing one database apart.
 */
public final class QueueId {

    private static final SecureRandom random = new SecureRandom();
    private static final AtomicLong last = new AtomicLong();

    private QueueId() {
    }

    public static String next(Instant now) {
        long clock = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        long micros = last.updateAndGet(previous -> Math.max(previous + 1, clock));
        return String.format(Locale.ROOT, "%X%04X", micros, random.nextInt(0x10000));
    }
}
