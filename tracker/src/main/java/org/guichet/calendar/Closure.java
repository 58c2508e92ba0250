package org.guichet.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Whole days on which a service is closed beyond its holidays: a bridge day
 * ("pont de l'Ascension"), a winter closure, a strike, a move.
 *
 * @param first first closed day
 * @param last  last closed day, inclusive; equal to {@code first} for a single day
 * @param label why the service is closed, shown to agents and auditors
 */
public record Closure(LocalDate first, LocalDate last, String label) {

    public Closure {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("closure '" + label + "' ends (" + last + ") before it starts (" + first + ")");
        }
        label = label == null ? "" : label;
    }

    /** A closure of one day. */
    public static Closure on(LocalDate day, String label) {
        return new Closure(day, day, label);
    }

    /** A closure from {@code first} to {@code last}, both included. */
    public static Closure between(LocalDate first, LocalDate last, String label) {
        return new Closure(first, last, label);
    }

    /** Whether {@code day} is one of the closed days. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
