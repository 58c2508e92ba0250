package org.guichet.gateway.acknowledgement;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.guichet.gateway.language.Language;

/**
 * Dates as an acknowledgement writes them, in each language's own way:
 * « le 3 mars 2025 à 10 h 02 », « le 1er mai 2025 » (French writes the first of the month as
 * an ordinal and hours with « h », Imprimerie nationale's rules); "on 3 March 2025 at 10:02";
 * "op 3 maart 2025 om 10.02 uur" (the Taalunie's spelling of times); "am 3. März 2025 um
 * 10:02 Uhr" (German writes the day as an ordinal number and times as DIN 5008 does).
 */
final class ReceiptWording {

    private ReceiptWording() {
    }

    /** A moment of reception, read in the service's zone. */
    static String moment(ZonedDateTime at, Language language) {
        String hour = String.valueOf(at.getHour());
        String minute = String.format(Locale.ROOT, "%02d", at.getMinute());
        String day = day(at.toLocalDate(), language);
        return switch (language) {
            case FRENCH -> day + " à " + hour + " h " + minute;
            case ENGLISH -> day + " at " + String.format(Locale.ROOT, "%02d", at.getHour()) + ":" + minute;
            case DUTCH -> day + " om " + hour + "." + minute + " uur";
            case GERMAN -> day + " um " + hour + ":" + minute + " Uhr";
        };
    }

    /** A day, with its preposition: « le 3 mai 2025 », "on 3 May 2025", "op 3 mei 2025", "am 3. Mai 2025". */
    static String day(LocalDate day, Language language) {
        String month = day.getMonth().getDisplayName(TextStyle.FULL, language.locale());
        int number = day.getDayOfMonth();
        return switch (language) {
            case FRENCH -> "le " + (number == 1 ? "1er" : String.valueOf(number)) + " " + month + " " + day.getYear();
            case ENGLISH -> "on " + number + " " + month + " " + day.getYear();
            case DUTCH -> "op " + number + " " + month + " " + day.getYear();
            case GERMAN -> "am " + number + ". " + month + " " + day.getYear();
        };
    }
}
