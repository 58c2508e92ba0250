package org.guichet.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA engine recomputes business time for every case: a two-month span must cost
 * microseconds, independent of its length in minutes or days.
 */
class BusinessCalendarSpeedTest {

    private static final int CALLS = 200_000;

    private final BusinessCalendar calendar = new BusinessCalendarTest().prefecture;

    @Test
    void twoMonthSpansTakeMicroseconds() {
        Instant[] starts = starts();
        Duration twoMonths = Duration.ofDays(61);
        Duration twoMonthsOfBusinessTime = Duration.ofHours(43 * 7);
        long checksum = 0;
        for (int round = 0; round < 3; round++) {     // the last round is measured, after warm-up
            long between = System.nanoTime();
            for (Instant start : starts) {
                checksum += calendar.businessTimeBetween(start, start.plus(twoMonths)).getSeconds();
            }
            long plus = System.nanoTime();
            for (Instant start : starts) {
                checksum += calendar.plus(start, twoMonthsOfBusinessTime).getEpochSecond();
            }
            long end = System.nanoTime();
            if (round == 2) {
                double betweenMicros = (plus - between) / 1000.0 / CALLS;
                double plusMicros = (end - plus) / 1000.0 / CALLS;
                System.out.printf("business calendar: businessTimeBetween over 61 days %.2f µs, plus 301 h %.2f µs (mean of %d)%n",
                        betweenMicros, plusMicros, CALLS);
                // Stepping minute by minute would cost milliseconds; the bound leaves room for a busy machine.
                assertThat(betweenMicros).isLessThan(50);
                assertThat(plusMicros).isLessThan(50);
            }
        }
        assertThat(checksum).isPositive();
    }

    private static Instant[] starts() {
        SplittableRandom random = new SplittableRandom(42);
        Instant first = BusinessCalendarTest.paris("2024-01-01T00:00");
        Instant[] starts = new Instant[CALLS];
        for (int i = 0; i < CALLS; i++) {
            starts[i] = first.plusSeconds(random.nextLong(5L * 365 * 86_400));
        }
        return starts;
    }
}
