package org.guichet.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The opening hours of an ordinary week: for each day of the week, zero or more opening
 * ranges in local time, e.g. Monday to Friday 08:30–12:00 and 13:30–17:00.
 *
 * <p>Ranges of a day are kept sorted; overlapping or touching ranges are merged, which
 * changes nothing to what is open. A day without ranges is not a working day.
 */
public final class WeeklySchedule {

    private final Map<DayOfWeek, List<OpeningRange>> ranges;
    private final long[] nominalNanos = new long[7];

    private WeeklySchedule(Map<DayOfWeek, List<OpeningRange>> byDay) {
        EnumMap<DayOfWeek, List<OpeningRange>> normalised = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningRange> merged = merge(byDay.getOrDefault(day, List.of()));
            normalised.put(day, merged);
            nominalNanos[day.ordinal()] = merged.stream().mapToLong(OpeningRange::nominalNanos).sum();
        }
        if (normalised.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a weekly schedule needs at least one opening range");
        }
        this.ranges = normalised;
    }

    /** Monday to Friday, 09:00–17:00: the default when nothing is configured. */
    public static WeeklySchedule standard() {
        return weekdays(OpeningRange.of("09:00", "17:00"));
    }

    /** The same ranges from Monday to Friday, closed at the weekend. */
    public static WeeklySchedule weekdays(OpeningRange... daily) {
        Map<DayOfWeek, List<OpeningRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                byDay.put(day, List.of(daily));
            }
        }
        return new WeeklySchedule(byDay);
    }

    /** The given ranges per day; days not in the map are closed. */
    public static WeeklySchedule of(Map<DayOfWeek, List<OpeningRange>> byDay) {
        Objects.requireNonNull(byDay, "byDay");
        return new WeeklySchedule(byDay);
    }

    /** A copy of this schedule with {@code day}'s ranges replaced (none: closed that day). */
    public WeeklySchedule with(DayOfWeek day, OpeningRange... dayRanges) {
        Map<DayOfWeek, List<OpeningRange>> copy = new EnumMap<>(ranges);
        copy.put(day, List.of(dayRanges));
        return new WeeklySchedule(copy);
    }

    /** The sorted, merged ranges of {@code day}; empty when closed. */
    public List<OpeningRange> ranges(DayOfWeek day) {
        return ranges.get(day);
    }

    /** Whether the service opens at all on {@code day} of an ordinary week. */
    public boolean opensOn(DayOfWeek day) {
        return !ranges.get(day).isEmpty();
    }

    /** Open nanoseconds of {@code day} when no clock change falls on it. */
    long nominalNanos(DayOfWeek day) {
        return nominalNanos[day.ordinal()];
    }

    private static List<OpeningRange> merge(List<OpeningRange> dayRanges) {
        List<OpeningRange> sorted = new ArrayList<>(dayRanges);
        sorted.sort(Comparator.comparing(OpeningRange::from));
        List<OpeningRange> merged = new ArrayList<>();
        for (OpeningRange next : sorted) {
            if (!merged.isEmpty()) {
                OpeningRange last = merged.get(merged.size() - 1);
                if (next.from().toNanoOfDay() <= last.endNanoOfDay()) {
                    OpeningRange longer = next.endNanoOfDay() > last.endNanoOfDay() ? next : last;
                    merged.set(merged.size() - 1, new OpeningRange(last.from(), longer.to()));
                    continue;
                }
            }
            merged.add(next);
        }
        return List.copyOf(merged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklySchedule schedule && ranges.equals(schedule.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        ranges.forEach((day, dayRanges) -> {
            if (!dayRanges.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(day.name(), 0, 3).append(' ').append(dayRanges);
            }
        });
        return text.toString();
    }
}
