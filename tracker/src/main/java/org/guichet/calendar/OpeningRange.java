package org.guichet.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One opening range within a day, in local wall-clock time: from {@code from}
 * (included) to {@code to} (excluded). A {@code to} of {@code 00:00} means the end of
 * the day (24:00), so a range can run until midnight.
 *
 * @param from opening time, included
 * @param to   closing time, excluded; {@link LocalTime#MIDNIGHT} for 24:00
 */
public record OpeningRange(LocalTime from, LocalTime to) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public OpeningRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
            throw new IllegalArgumentException("opening range " + from + "-" + to + " closes before it opens");
        }
    }

    /** The range {@code from}–{@code to}, e.g. {@code of("08:30", "12:00")}; {@code "24:00"} is the end of the day. */
    public static OpeningRange of(String from, String to) {
        return new OpeningRange(time(from), time(to));
    }

    /** Parses {@code "08:30-12:00"}; {@code "24:00"} is accepted as the end of the day. */
    public static OpeningRange parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not an opening range like 08:30-12:00");
        }
        return of(parts[0], parts[1]);
    }

    /** Whether the range runs to the end of the day (24:00). */
    public boolean endsAtMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    /** Closing time as nanoseconds since the start of the day, 24:00 counting as a full day. */
    long endNanoOfDay() {
        return endsAtMidnight() ? NANOS_PER_DAY : to.toNanoOfDay();
    }

    /** Length on a day without a clock change. */
    long nominalNanos() {
        return endNanoOfDay() - from.toNanoOfDay();
    }

    private static LocalTime time(String text) {
        String t = text.strip();
        if (t.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 08:30", e);
        }
    }

    @Override
    public String toString() {
        return from + "-" + (endsAtMidnight() ? "24:00" : to.toString());
    }
}
