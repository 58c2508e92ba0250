package org.guichet.gateway.acknowledgement;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Dates as an acknowledgement writes them: « le 3 mars 2025 à 10 h 02 », « le 1er mai 2025 »;
 * "on 3 March 2025 at 10:02", "on 3 May 2025". French writes the first of the month as an
 * ordinal (1er) and hours with « h » (Imprimerie nationale's rules).
 */
final class ReceiptWording {

    private static final String[] FRENCH_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre"};
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private ReceiptWording() {
    }

    /** A moment of reception, read in the service's zone. */
    static String moment(ZonedDateTime at, Language language) {
        return switch (language) {
            case FRENCH -> day(at.toLocalDate(), language) + " à " + at.getHour() + " h "
                    + String.format(Locale.ROOT, "%02d", at.getMinute());
            case ENGLISH -> day(at.toLocalDate(), language) + " at "
                    + String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
        };
    }

    /** A day, with its preposition: « le 3 mai 2025 », "on 3 May 2025". */
    static String day(LocalDate day, Language language) {
        int month = day.getMonthValue() - 1;
        return switch (language) {
            case FRENCH -> "le " + (day.getDayOfMonth() == 1 ? "1er" : String.valueOf(day.getDayOfMonth())) + " "
                    + FRENCH_MONTHS[month] + " " + day.getYear();
            case ENGLISH -> "on " + day.getDayOfMonth() + " " + ENGLISH_MONTHS[month] + " " + day.getYear();
        };
    }
}
