package org.guichet.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The business calendars an installation defines, by name ({@code guichet.sla.calendars.<name>}),
 * for SLA policies to refer to. Built once at start, failing with a message that names
 * the faulty property.
 */
public final class BusinessCalendars {

    private final Map<String, BusinessCalendar> byName;

    private BusinessCalendars(Map<String, BusinessCalendar> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Builds every calendar of {@code properties}. */
    public static BusinessCalendars from(CalendarProperties properties) {
        Map<String, BusinessCalendar> built = new LinkedHashMap<>();
        new TreeMap<>(properties.calendars()).forEach((name, definition) -> built.put(name, definition.toCalendar(name)));
        return new BusinessCalendars(built);
    }

    /** The calendar named {@code name}, if defined. */
    public Optional<BusinessCalendar> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The calendar named {@code name}.
     *
     * @throws IllegalArgumentException if none has that name, listing those defined
     */
    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = byName.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException("no business calendar '" + name + "' (guichet.sla.calendars." + name
                    + "); defined: " + byName.keySet());
        }
        return calendar;
    }

    /** Names of the defined calendars, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }
}
