package org.guichet.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday on a given date, named as the law names it, in French.
 *
 * @param date the day of the holiday
 * @param name its name, e.g. {@code "Lundi de Pâques"}
 */
public record Holiday(LocalDate date, String name) implements Comparable<Holiday> {

    public Holiday {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a holiday needs a name");
        }
    }

    @Override
    public int compareTo(Holiday other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : name.compareTo(other.name);
    }
}
