package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When a service is open: a time zone, the opening hours of an ordinary week, public
 * holiday sets and custom closures. Answers the questions an SLA needs, as pure
 * functions of its inputs: is this day worked, is the service open at this instant, how
 * much open time lies between two instants, when does a business duration run out.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>A <em>working day</em> is a date whose day of week has opening ranges and which is
 *       neither a holiday of any of the sets nor inside a closure ("jour ouvré").</li>
 *   <li>Each working day is open during its ranges, read in the calendar's zone. A range
 *       on a clock-change day has its real length: 00:00–24:00 lasts 23 hours on the last
 *       Sunday of March in Europe/Paris and 25 hours on the last Sunday of October. An
 *       opening or closing time that the clock skips (spring) takes effect at the moment of
 *       the jump; one that the clock shows twice (autumn) takes effect at its first occurrence.</li>
 *   <li>A day runs from its first instant (local 00:00, or the first instant after it)
 *       to the first instant of the next day; ranges are clipped to that span.</li>
 *   <li>Ranges are half-open: open at 08:30:00, closed again at 12:00:00 sharp.</li>
 * </ul>
 *
 * <p>Whole days are summed from a per-year index of cumulative open time, so the cost of
 * {@link #businessTimeBetween} and {@link #plus} grows with the number of years crossed,
 * not with minutes or days. Instances are immutable and thread-safe; the per-year index is
 * built on first use and kept.
 */
public final class BusinessCalendar {

    private static final Instant[] CLOSED = new Instant[0];
    /** Beyond this many cached years (only reached by odd inputs), years are rebuilt on demand. */
    private static final int CACHED_YEARS = 512;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final WeeklySchedule schedule;
    private final List<HolidaySet> holidaySets;
    private final List<Closure> closures;
    private final ConcurrentMap<Integer, CalendarYear> years = new ConcurrentHashMap<>();
    /** The year last looked up: nearly every question stays within one year. */
    private volatile CalendarYear recent;

    /**
     * @param zone        the zone the opening hours and dates are read in
     * @param schedule    opening hours of an ordinary week
     * @param holidaySets public holidays; the union of all sets is closed
     * @param closures    further closed days
     */
    public BusinessCalendar(ZoneId zone, WeeklySchedule schedule, List<HolidaySet> holidaySets, List<Closure> closures) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.holidaySets = List.copyOf(holidaySets);
        this.closures = List.copyOf(closures);
    }

    /** A calendar without custom closures. */
    public static BusinessCalendar of(ZoneId zone, WeeklySchedule schedule, HolidaySet... holidaySets) {
        return new BusinessCalendar(zone, schedule, List.of(holidaySets), List.of());
    }

    /** This calendar with more closed days. */
    public BusinessCalendar withClosures(Closure... more) {
        List<Closure> all = new ArrayList<>(closures);
        all.addAll(List.of(more));
        return new BusinessCalendar(zone, schedule, holidaySets, all);
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklySchedule schedule() {
        return schedule;
    }

    public List<HolidaySet> holidaySets() {
        return holidaySets;
    }

    public List<Closure> closures() {
        return closures;
    }

    /** Whether {@code day} has opening hours and is neither a holiday nor closed. */
    public boolean isWorkingDay(LocalDate day) {
        return !year(day.getYear()).isClosed(day.getDayOfYear() - 1) && schedule.opensOn(day.getDayOfWeek());
    }

    /** Whether the service is open at {@code instant} (opening instant included, closing instant excluded). */
    public boolean isOpen(Instant instant) {
        Instant[] open = intervals(dayOf(instant));
        for (int i = 0; i < open.length; i += 2) {
            if (!instant.isBefore(open[i]) && instant.isBefore(open[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** How long the service is open on {@code day}: zero on a closed day, the real length on a clock-change day. */
    public Duration openTimeOn(LocalDate day) {
        int index = day.getDayOfYear() - 1;
        return Duration.ofNanos(year(day.getYear()).openNanos(index, index + 1));
    }

    /**
     * The open time between {@code from} (included) and {@code to} (excluded): the business
     * time elapsed, e.g. between a citizen's message and the answer.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}: an elapsed time
     *         cannot be negative, and a reversed pair means the caller mixed up its events
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("business time from " + from + " to the earlier " + to);
        }
        if (from.equals(to)) {
            return Duration.ZERO;
        }
        LocalDate first = dayOf(from);
        LocalDate last = dayOf(to);
        if (first.equals(last)) {
            return Duration.ofNanos(openWithin(first, from, to));
        }
        long nanos = openWithin(first, from, null);
        nanos = Math.addExact(nanos, openNanos(first.plusDays(1), last));
        nanos = Math.addExact(nanos, openWithin(last, null, to));
        return Duration.ofNanos(nanos);
    }

    /**
     * The earliest instant by which {@code businessDuration} of open time has elapsed from
     * {@code start}: the due date of a deadline counted in business time. A result that
     * falls exactly on a closing time is that closing time, not the next opening. A zero
     * duration gives {@code start} itself.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    public Instant plus(Instant start, Duration businessDuration) {
        if (businessDuration.isNegative()) {
            throw new IllegalArgumentException("negative business duration " + businessDuration);
        }
        if (businessDuration.isZero()) {
            return start;
        }
        long remaining = businessDuration.toNanos();
        LocalDate day = dayOf(start);
        Instant[] open = intervals(day);
        for (int i = 0; i < open.length; i += 2) {
            if (open[i + 1].isAfter(start)) {
                Instant from = open[i].isAfter(start) ? open[i] : start;
                long available = nanosBetween(from, open[i + 1]);
                if (remaining <= available) {
                    return from.plusNanos(remaining);
                }
                remaining -= available;
            }
        }
        day = day.plusDays(1);
        while (true) {
            CalendarYear year = year(day.getYear());
            int index = day.getDayOfYear() - 1;
            int reached = year.dayReaching(index, remaining);
            if (reached < 0) {
                remaining -= year.openNanos(index, year.length());
                day = LocalDate.of(day.getYear() + 1, 1, 1);
                continue;
            }
            remaining -= year.openNanos(index, reached);
            day = LocalDate.ofYearDay(day.getYear(), reached + 1);
            open = intervals(day);
            for (int i = 0; i < open.length; i += 2) {
                long available = nanosBetween(open[i], open[i + 1]);
                if (remaining <= available) {
                    return open[i].plusNanos(remaining);
                }
                remaining -= available;
            }
            throw new IllegalStateException("open time index disagrees with the opening ranges of " + day);
        }
    }

    /**
     * The {@code days}-th working day after {@code day}, not counting {@code day} itself
     * whatever it is: a request received on Friday with 1 working day to answer is due on
     * Monday (or the next working day). This follows the French rule for deadlines counted
     * in days, where the day of the event does not count (Code de procédure civile art. 641).
     *
     * @throws IllegalArgumentException if {@code days} is less than 1
     */
    public LocalDate plusWorkingDays(LocalDate day, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a deadline in working days counts at least 1 day, not " + days);
        }
        LocalDate due = day;
        int counted = 0;
        while (counted < days) {
            due = due.plusDays(1);
            if (isWorkingDay(due)) {
                counted++;
            }
        }
        return due;
    }

    /**
     * The instant a deadline of {@code days} working days expires for something received at
     * {@code receipt}: the end (24:00 local time) of the {@code days}-th working day after
     * the day of receipt ({@link #plusWorkingDays(LocalDate, int)}); a deadline expires on its
     * last day at midnight (Code de procédure civile art. 642). An answer strictly before
     * the returned instant is in time.
     */
    public Instant plusWorkingDays(Instant receipt, int days) {
        return dayStart(plusWorkingDays(dayOf(receipt), days).plusDays(1));
    }

    /** The earliest instant at or after {@code instant} at which the service is open. */
    public Instant nextOpening(Instant instant) {
        LocalDate day = dayOf(instant);
        Instant[] open = intervals(day);
        for (int i = 0; i < open.length; i += 2) {
            if (open[i + 1].isAfter(instant) && open[i + 1].isAfter(open[i])) {
                return open[i].isAfter(instant) ? open[i] : instant;
            }
        }
        day = day.plusDays(1);
        while (true) {
            CalendarYear year = year(day.getYear());
            int reached = year.dayReaching(day.getDayOfYear() - 1, 1);
            if (reached < 0) {
                day = LocalDate.of(day.getYear() + 1, 1, 1);
                continue;
            }
            day = LocalDate.ofYearDay(day.getYear(), reached + 1);
            open = intervals(day);
            for (int i = 0; i < open.length; i += 2) {
                if (open[i + 1].isAfter(open[i])) {
                    return open[i];
                }
            }
            throw new IllegalStateException("open time index disagrees with the opening ranges of " + day);
        }
    }

    /**
     * The day {@code instant} belongs to: the date whose first instant is at or before it and
     * whose next day's first instant is after it. Usually the local date; it differs only
     * in zones whose clocks go back across midnight, where the repeated hour opens the next day.
     */
    LocalDate dayOf(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        if (rules.isFixedOffset()) {
            return day;
        }
        while (instant.isBefore(dayStart(day))) {
            day = day.minusDays(1);
        }
        while (!instant.isBefore(dayStart(day.plusDays(1)))) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Instant dayStart(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Open instants of {@code day} as [start0, end0, start1, end1, ...]; empty if not a working day. */
    private Instant[] intervals(LocalDate day) {
        return isWorkingDay(day) ? scheduledIntervals(day) : CLOSED;
    }

    private Instant[] scheduledIntervals(LocalDate day) {
        List<OpeningRange> ranges = schedule.ranges(day.getDayOfWeek());
        Instant dayStart = dayStart(day);
        Instant dayEnd = dayStart(day.plusDays(1));
        Instant[] open = new Instant[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            OpeningRange range = ranges.get(i);
            open[2 * i] = range.from().equals(LocalTime.MIDNIGHT) ? dayStart : clip(at(day, range.from()), dayStart, dayEnd);
            open[2 * i + 1] = range.endsAtMidnight() ? dayEnd : clip(at(day, range.to()), dayStart, dayEnd);
        }
        return open;
    }

    /**
     * The first instant at which the wall clock reads {@code time} or later on {@code day}:
     * a time the clock skips takes effect at the jump, a time it shows twice at its first
     * occurrence. This keeps instants in the order of the local times they come from.
     */
    private Instant at(LocalDate day, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(day, time);
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    private long openWithin(LocalDate day, Instant from, Instant to) {
        Instant[] open = intervals(day);
        long nanos = 0;
        for (int i = 0; i < open.length; i += 2) {
            Instant start = from != null && from.isAfter(open[i]) ? from : open[i];
            Instant end = to != null && to.isBefore(open[i + 1]) ? to : open[i + 1];
            if (end.isAfter(start)) {
                nanos += nanosBetween(start, end);
            }
        }
        return nanos;
    }

    /** Open time of the whole days from {@code first} (included) to {@code end} (excluded). */
    private long openNanos(LocalDate first, LocalDate end) {
        long nanos = 0;
        LocalDate day = first;
        while (day.isBefore(end)) {
            CalendarYear year = year(day.getYear());
            int from = day.getDayOfYear() - 1;
            if (end.getYear() == day.getYear()) {
                return Math.addExact(nanos, year.openNanos(from, end.getDayOfYear() - 1));
            }
            nanos = Math.addExact(nanos, year.openNanos(from, year.length()));
            day = LocalDate.of(day.getYear() + 1, 1, 1);
        }
        return nanos;
    }

    private CalendarYear year(int year) {
        CalendarYear last = recent;
        if (last != null && last.year == year) {
            return last;
        }
        CalendarYear cached = years.get(year);
        if (cached != null) {
            recent = cached;
            return cached;
        }
        CalendarYear built = build(year);
        if (years.size() < CACHED_YEARS) {
            CalendarYear raced = years.putIfAbsent(year, built);
            return raced != null ? raced : built;
        }
        return built;
    }

    private CalendarYear build(int year) {
        int length = Year.isLeap(year) ? 366 : 365;
        boolean[] closed = new boolean[length];
        for (HolidaySet set : holidaySets) {
            for (Holiday holiday : set.holidays(year)) {
                closed[holiday.date().getDayOfYear() - 1] = true;
            }
        }
        for (Closure closure : closures) {
            if (closure.first().getYear() <= year && closure.last().getYear() >= year) {
                int from = closure.first().getYear() < year ? 0 : closure.first().getDayOfYear() - 1;
                int to = closure.last().getYear() > year ? length - 1 : closure.last().getDayOfYear() - 1;
                for (int i = from; i <= to; i++) {
                    closed[i] = true;
                }
            }
        }
        boolean[] clockChange = clockChangeDays(year, length);
        long[] cumulative = new long[length + 1];
        LocalDate day = LocalDate.ofYearDay(year, 1);
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        for (int i = 0; i < length; i++) {
            long open = 0;
            if (!closed[i] && schedule.opensOn(dayOfWeek)) {
                open = clockChange[i] ? measure(scheduledIntervals(day)) : schedule.nominalNanos(dayOfWeek);
            }
            cumulative[i + 1] = cumulative[i] + open;
            day = day.plusDays(1);
            dayOfWeek = dayOfWeek.plus(1);
        }
        return new CalendarYear(year, closed, cumulative);
    }

    /** Days of {@code year} near a change of the zone's offset, whose ranges must be measured instant by instant. */
    private boolean[] clockChangeDays(int year, int length) {
        boolean[] marked = new boolean[length];
        if (rules.isFixedOffset()) {
            return marked;
        }
        Instant until = LocalDateTime.of(year + 1, 1, 3, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition transition = rules.nextTransition(LocalDateTime.of(year - 1, 12, 29, 0, 0).toInstant(ZoneOffset.UTC));
        while (transition != null && transition.getInstant().isBefore(until)) {
            markAround(marked, year, transition.getDateTimeBefore().toLocalDate());
            markAround(marked, year, transition.getDateTimeAfter().toLocalDate());
            transition = rules.nextTransition(transition.getInstant());
        }
        return marked;
    }

    private static void markAround(boolean[] marked, int year, LocalDate date) {
        for (int shift = -1; shift <= 1; shift++) {
            LocalDate day = date.plusDays(shift);
            if (day.getYear() == year) {
                marked[day.getDayOfYear() - 1] = true;
            }
        }
    }

    private static long measure(Instant[] open) {
        long nanos = 0;
        for (int i = 0; i < open.length; i += 2) {
            nanos += nanosBetween(open[i], open[i + 1]);
        }
        return nanos;
    }

    private static Instant clip(Instant instant, Instant low, Instant high) {
        return instant.isBefore(low) ? low : instant.isAfter(high) ? high : instant;
    }

    private static long nanosBetween(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + (to.getNano() - from.getNano());
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + schedule + ", holidays "
                + holidaySets.stream().map(HolidaySet::code).toList() + ", " + closures.size() + " closures]";
    }
}
