package org.guichet.gateway.spool;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Queue identifiers in the Postfix manner: short, upper-case hexadecimal, unique, roughly
 * ordered by time so that logs read in order. Microseconds since the epoch plus 16 random bits.
 */
public final class QueueId {

    private static final SecureRandom random = new SecureRandom();

    private QueueId() {
    }

    public static String next(Instant now) {
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return String.format(Locale.ROOT, "%X%04X", micros, random.nextInt(0x10000));
    }
}
