package org.guichet.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts of one row of a report as cases and messages are added to it. Times to the
 * first human answer are kept (in seconds) for the mean, median and 90th percentile.
 */
final class Tally {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);

    long received;
    long acknowledged;
    long acknowledgedWithinOneWorkingDay;
    long answeredByPerson;
    long answeredWithinCommitment;
    long unansweredPastCommitment;
    long unansweredPastTwoMonths;
    long messagesFromPeople;
    long automaticMessages;
    long noreplyRewritten;
    long noreplyReplied;
    private final List<Long> businessSeconds = new ArrayList<>();
    private final List<Long> calendarSeconds = new ArrayList<>();

    void answerTimes(Duration business, Duration calendar) {
        businessSeconds.add(business.toSeconds());
        calendarSeconds.add(calendar.toSeconds());
    }

    ReportRow row(String scope, String service, String breakdown, String slot) {
        long[] business = sorted(businessSeconds);
        long[] calendar = sorted(calendarSeconds);
        return new ReportRow(Arrays.asList(scope, service, breakdown, slot,
                received, acknowledged, acknowledgedWithinOneWorkingDay, share(acknowledgedWithinOneWorkingDay, received),
                answeredByPerson, share(answeredByPerson, received), answeredWithinCommitment,
                share(answeredWithinCommitment, received),
                received - answeredByPerson, unansweredPastCommitment, unansweredPastTwoMonths,
                mean(business, HOUR), rank(business, 50, HOUR), rank(business, 90, HOUR),
                mean(calendar, DAY), rank(calendar, 50, DAY), rank(calendar, 90, DAY),
                messagesFromPeople, automaticMessages,
                noreplyRewritten, noreplyReplied, share(noreplyReplied, noreplyRewritten)));
    }

    /** A share rounded to 4 decimals (half up), null when there is nothing to share. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long[] sorted(List<Long> seconds) {
        long[] values = seconds.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static BigDecimal mean(long[] seconds, BigDecimal unit) {
        if (seconds.length == 0) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (long s : seconds) {
            sum = sum.add(BigDecimal.valueOf(s));
        }
        return sum.divide(unit.multiply(BigDecimal.valueOf(seconds.length)), 2, RoundingMode.HALF_UP);
    }

    /**
     * Nearest rank: the smallest value with at least {@code percent}% of the values at or
     * below it, i.e. the value of rank ⌈percent·n/100⌉ in ascending order (integer arithmetic).
     */
    static BigDecimal rank(long[] seconds, int percent, BigDecimal unit) {
        if (seconds.length == 0) {
            return null;
        }
        int rank = (int) ((percent * (long) seconds.length + 99) / 100);
        long value = seconds[Math.max(1, rank) - 1];
        return BigDecimal.valueOf(value).divide(unit, 2, RoundingMode.HALF_UP);
    }
}
