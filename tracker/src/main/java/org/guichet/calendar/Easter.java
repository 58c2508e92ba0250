package org.guichet.calendar;

import java.time.LocalDate;

/**
 * Easter Sunday in the Gregorian calendar, the date that Good Friday, Easter Monday,
 * Ascension and Whit Monday are counted from.
 *
 * <p>Computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher), exact for
 * every year from 1583, the first full year of the Gregorian calendar.
 */
public final class Easter {

    /** First year the Gregorian computus applies to. */
    public static final int FIRST_GREGORIAN_YEAR = 1583;

    private Easter() {
    }

    /**
     * Easter Sunday of {@code year}.
     *
     * @throws IllegalArgumentException for a year before 1583
     */
    public static LocalDate sunday(int year) {
        if (year < FIRST_GREGORIAN_YEAR) {
            throw new IllegalArgumentException("Easter is computed for Gregorian years from 1583, not " + year);
        }
        int a = year % 19;              // place in the 19-year Metonic cycle
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;           // lunar correction
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;   // epact: days from 21 March to the paschal full moon
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the following Sunday
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }
}
