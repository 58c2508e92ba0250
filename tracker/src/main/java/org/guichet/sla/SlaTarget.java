package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.calendar.BusinessCalendar;

/**
 * How long a clock may run, in one of four units. Written as text in settings and in the
 * {@code sla_policy} table, e.g. {@code 1 working day}, {@code 5 working days},
 * {@code PT8H business}, {@code PT48H calendar}, {@code 2 months}.
 *
 * <p>Each target counts in one <em>measure</em>: open time of the business calendar
 * ({@link BusinessTime}, {@link WorkingDays}) or wall-clock time ({@link CalendarTime},
 * {@link CalendarMonths}). Its <em>budget</em> is the measure between the start and the
 * due date the target gives without any pause; a pause then pushes the due date by the
 * measure it covered.
 */
public sealed interface SlaTarget {

    /** The due date of a clock started at {@code start} that never pauses. */
    Instant dueFrom(Instant start, BusinessCalendar calendar);

    /** Whether the target counts open time of the calendar (else wall-clock time). */
    boolean countsOpenTime();

    /** The canonical text, as stored and as {@link #valueOf(String)} reads it. */
    String text();

    /** How much of the target's measure lies between {@code from} and {@code to}. */
    default Duration measure(Instant from, Instant to, BusinessCalendar calendar) {
        return countsOpenTime() ? calendar.businessTimeBetween(from, to) : Duration.between(from, to);
    }

    /** The instant by which {@code amount} of the target's measure has elapsed from {@code from}. */
    default Instant advance(Instant from, Duration amount, BusinessCalendar calendar) {
        return countsOpenTime() ? calendar.plus(from, amount) : from.plus(amount);
    }

    /** The due date once the budget is spent at {@code spent}; day-counted targets expire at the end of that day. */
    default Instant expiry(Instant spent, BusinessCalendar calendar) {
        return spent;
    }

    /**
     * Reads a target: {@code <n> working day(s)}, {@code <n> month(s)}, or an ISO-8601
     * duration followed by {@code business} or {@code calendar}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static SlaTarget valueOf(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher days = Forms.WORKING_DAYS.matcher(t);
        if (days.matches()) {
            return new WorkingDays(Integer.parseInt(days.group(1)));
        }
        Matcher months = Forms.MONTHS.matcher(t);
        if (months.matches()) {
            return new CalendarMonths(Integer.parseInt(months.group(1)));
        }
        Matcher time = Forms.TIME.matcher(t);
        if (time.matches()) {
            try {
                Duration duration = Duration.parse(time.group(1).toUpperCase(Locale.ROOT));
                return time.group(2).equals("business") ? new BusinessTime(duration) : new CalendarTime(duration);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an SLA target like '5 working days', '2 months',"
                + " 'PT8H business' or 'PT48H calendar'");
    }

    /** Open time of the business calendar, e.g. 8 open hours: due when that much open time has elapsed. */
    record BusinessTime(Duration duration) implements SlaTarget {
        public BusinessTime {
            positive(duration);
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return calendar.plus(start, duration);
        }

        @Override
        public boolean countsOpenTime() {
            return true;
        }

        @Override
        public String text() {
            return duration + " business";
        }
    }

    /** Wall-clock time, nights, weekends and holidays included. */
    record CalendarTime(Duration duration) implements SlaTarget {
        public CalendarTime {
            positive(duration);
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return start.plus(duration);
        }

        @Override
        public boolean countsOpenTime() {
            return false;
        }

        @Override
        public String text() {
            return duration + " calendar";
        }
    }

    /**
     * Working days ("jours ouvrés"): due at the end (24:00) of the {@code days}-th working
     * day after the day of the start, that day not counting (Code de procédure civile
     * art. 641 and 642), see {@link BusinessCalendar#plusWorkingDays(Instant, int)}.
     */
    record WorkingDays(int days) implements SlaTarget {
        public WorkingDays {
            if (days < 1) {
                throw new IllegalArgumentException("a target in working days counts at least 1 day, not " + days);
            }
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return calendar.plusWorkingDays(start, days);
        }

        @Override
        public boolean countsOpenTime() {
            return true;
        }

        @Override
        public Instant expiry(Instant spent, BusinessCalendar calendar) {
            // The budget runs out at the close of a working day; the deadline is that day at 24:00.
            return java.time.LocalDate.ofInstant(spent.minusNanos(1), calendar.zone()).plusDays(1)
                    .atStartOfDay(calendar.zone()).toInstant();
        }

        @Override
        public String text() {
            return days + (days == 1 ? " working day" : " working days");
        }
    }

    /**
     * Calendar months, read in the calendar's zone: same day-of-month, or the month's last
     * day when it has none (31 December + 2 months = 28 or 29 February), as
     * {@link java.time.ZonedDateTime#plusMonths(long)} does.
     */
    record CalendarMonths(int months) implements SlaTarget {
        public CalendarMonths {
            if (months < 1) {
                throw new IllegalArgumentException("a target in months counts at least 1 month, not " + months);
            }
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return start.atZone(calendar.zone()).plusMonths(months).toInstant();
        }

        @Override
        public boolean countsOpenTime() {
            return false;
        }

        @Override
        public String text() {
            return months + (months == 1 ? " month" : " months");
        }
    }

    private static void positive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an SLA target needs a positive duration, not " + duration);
        }
    }

    /** Patterns of the text form. */
    final class Forms {
        static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,4})\\s+working\\s+days?");
        static final Pattern MONTHS = Pattern.compile("(\\d{1,3})\\s+months?");
        static final Pattern TIME = Pattern.compile("(p\\S+)\\s+(business|calendar)");

        private Forms() {
        }
    }
}
