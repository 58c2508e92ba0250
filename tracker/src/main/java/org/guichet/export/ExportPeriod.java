package org.guichet.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The days an export covers, both included, read in the administration's zone
 * ({@code guichet.audit.zone}): {@code 2026-04-01} to {@code 2026-04-30} is April, from
 * 1 April 00:00 to 1 May 00:00 in Paris.
 *
 * @param first first day, included
 * @param last  last day, included
 * @param zone  the zone the days are read in
 */
public record ExportPeriod(LocalDate first, LocalDate last, ZoneId zone) {

    public ExportPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /**
     * The period of two ISO dates ({@code 2026-04-01}).
     *
     * @throws IllegalArgumentException naming the option at fault ({@code from} or {@code to})
     */
    public static ExportPeriod parse(String first, String last, ZoneId zone) {
        return new ExportPeriod(date("from", first), date("to", last), zone);
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + ": a date like 2026-04-01 is needed");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a date like 2026-04-01");
        }
    }

    /** The first instant covered. */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (excluded): the day after {@link #last()} at 00:00. */
    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A file name for it: {@code guichet-export-2026-04-01-2026-04-30.jsonl}. */
    public String fileName() {
        return "guichet-export-" + first + "-" + last + ".jsonl";
    }
}
