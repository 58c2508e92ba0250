package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Named business calendars that SLA policies refer to, one per set of opening hours:
 * <pre>
 * guichet.sla.calendars.prefecture-67.zone=Europe/Paris
 * guichet.sla.calendars.prefecture-67.holidays=FR-ALSACE-MOSELLE
 * guichet.sla.calendars.prefecture-67.hours.monday-friday=08:30-12:00,13:30-17:00
 * guichet.sla.calendars.prefecture-67.closures[0].from=2026-05-15
 * guichet.sla.calendars.prefecture-67.closures[0].label=Pont de l'Ascension
 * </pre>
 * Without any, one calendar named {@value #DEFAULT} is defined: Europe/Paris, French
 * holidays, Monday to Friday 09:00–17:00.
 *
 * @param calendars the calendars by name
 */
@ConfigurationProperties("guichet.sla")
public record CalendarProperties(Map<String, Definition> calendars) {

    /** Name of the calendar defined when none is configured. */
    public static final String DEFAULT = "default";

    public CalendarProperties {
        calendars = calendars == null || calendars.isEmpty()
                ? Map.of(DEFAULT, Definition.standard())
                : Map.copyOf(calendars);
    }

    /**
     * One business calendar.
     *
     * @param zone     time zone the hours and dates are read in
     * @param holidays codes of the holiday sets that close the service, e.g. {@code FR},
     *                 {@code FR-ALSACE-MOSELLE}, {@code FR-MQ}, {@code BE}
     *                 (see {@link HolidaySet#predefined()}); empty for none
     * @param hours    opening ranges by day ({@code monday}) or span of days
     *                 ({@code monday-friday}), each like {@code 08:30-12:00}, {@code 24:00}
     *                 for midnight; days not named are closed; without any, Monday to
     *                 Friday 09:00–17:00
     * @param closures further closed days (bridges, winter closure)
     */
    public record Definition(
            @DefaultValue("Europe/Paris") ZoneId zone,
            @DefaultValue("FR") List<String> holidays,
            Map<String, List<String>> hours,
            List<ClosureDefinition> closures) {

        public Definition {
            zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            hours = hours == null ? Map.of() : Map.copyOf(hours);
            closures = closures == null ? List.of() : List.copyOf(closures);
        }

        /** Europe/Paris, French holidays, Monday to Friday 09:00–17:00. */
        public static Definition standard() {
            return new Definition(ZoneId.of("Europe/Paris"), List.of(HolidaySet.FRANCE.code()), Map.of(), List.of());
        }

        /**
         * The calendar this definition describes.
         *
         * @param name the calendar's name, used in error messages
         * @throws IllegalArgumentException naming the faulty property
         */
        public BusinessCalendar toCalendar(String name) {
            String prefix = "guichet.sla.calendars." + name + ".";
            List<HolidaySet> sets = new ArrayList<>();
            for (String code : holidays) {
                sets.add(HolidaySet.forCode(code).orElseThrow(() -> new IllegalArgumentException(
                        prefix + "holidays: unknown holiday set '" + code + "', known: "
                                + HolidaySet.predefined().stream().map(HolidaySet::code).collect(Collectors.joining(", ")))));
            }
            List<Closure> closed = new ArrayList<>();
            for (int i = 0; i < closures.size(); i++) {
                closed.add(closures.get(i).toClosure(prefix + "closures[" + i + "]"));
            }
            return new BusinessCalendar(zone, schedule(prefix + "hours"), sets, closed);
        }

        private WeeklySchedule schedule(String property) {
            if (hours.isEmpty()) {
                return WeeklySchedule.standard();
            }
            Map<DayOfWeek, List<OpeningRange>> byDay = new EnumMap<>(DayOfWeek.class);
            hours.forEach((days, ranges) -> {
                List<OpeningRange> parsed = new ArrayList<>();
                for (String range : ranges) {
                    try {
                        parsed.add(OpeningRange.parse(range));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(property + "." + days + ": " + e.getMessage(), e);
                    }
                }
                for (DayOfWeek day : days(property, days)) {
                    byDay.computeIfAbsent(day, d -> new ArrayList<>()).addAll(parsed);
                }
            });
            try {
                return WeeklySchedule.of(byDay);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }

        private static List<DayOfWeek> days(String property, String key) {
            String[] ends = key.strip().split("-");
            try {
                DayOfWeek first = DayOfWeek.valueOf(ends[0].strip().toUpperCase(Locale.ROOT));
                DayOfWeek last = ends.length == 1 ? first : DayOfWeek.valueOf(ends[1].strip().toUpperCase(Locale.ROOT));
                if (ends.length > 2 || last.compareTo(first) < 0) {
                    throw new IllegalArgumentException(key);
                }
                List<DayOfWeek> days = new ArrayList<>();
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    days.add(day);
                    if (day == last) {
                        return days;
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": '" + key
                        + "' is not a day (monday) or a span of days within a week (monday-friday)", e);
            }
        }
    }

    /**
     * Closed days of one calendar.
     *
     * @param from  first closed day (ISO date, e.g. 2026-05-15)
     * @param to    last closed day, included; the same as {@code from} when absent
     * @param label why the service is closed
     */
    public record ClosureDefinition(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            String label) {

        Closure toClosure(String property) {
            if (from == null) {
                throw new IllegalArgumentException(property + ".from: a closure needs its first day");
            }
            try {
                return new Closure(from, to == null ? from : to, label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }
    }
}
