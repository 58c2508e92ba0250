package org.guichet.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * How one holiday falls in a given year: on a fixed day of the year, or a number of
 * days from Easter Sunday.
 */
public sealed interface HolidayRule {

    /** The holiday in {@code year}. */
    Holiday in(int year);

    /** The holiday's name, in French. */
    String name();

    /** A holiday on the same day every year, e.g. 14 July. */
    static HolidayRule fixed(int month, int dayOfMonth, String name) {
        return new FixedDay(MonthDay.of(month, dayOfMonth), name);
    }

    /** A holiday {@code days} after Easter Sunday (negative before it), e.g. +1 for Easter Monday. */
    static HolidayRule fromEaster(int days, String name) {
        return new EasterOffset(days, name);
    }

    /**
     * A holiday on the same day every year.
     *
     * @param day  month and day of month
     * @param name the holiday's name, in French
     */
    record FixedDay(MonthDay day, String name) implements HolidayRule {
        public FixedDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Holiday in(int year) {
            return new Holiday(day.atYear(year), name);
        }
    }

    /**
     * A movable feast, counted from Easter Sunday ({@link Easter#sunday(int)}).
     *
     * @param days days after Easter Sunday: -2 Good Friday, +1 Easter Monday,
     *             +39 Ascension Thursday, +50 Whit Monday
     * @param name the holiday's name, in French
     */
    record EasterOffset(int days, String name) implements HolidayRule {
        public EasterOffset {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Holiday in(int year) {
            LocalDate sunday = Easter.sunday(year);
            return new Holiday(sunday.plusDays(days), name);
        }
    }
}
