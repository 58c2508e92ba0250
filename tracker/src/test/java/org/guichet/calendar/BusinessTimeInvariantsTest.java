package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of business time, over calendars with lunch breaks, night shifts, clock changes and closures. */
class BusinessTimeInvariantsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long FROM = LocalDateTime.parse("2024-01-01T00:00").toEpochSecond(ZoneOffset.UTC);
    private static final long TO = LocalDateTime.parse("2030-01-01T00:00").toEpochSecond(ZoneOffset.UTC);

    private static final List<BusinessCalendar> CALENDARS = List.of(
            BusinessCalendar.of(PARIS, BusinessCalendarTest.OFFICE, HolidaySet.FRANCE).withClosures(
                    Closure.on(LocalDate.parse("2025-05-30"), "Pont de l'Ascension"),
                    Closure.between(LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-02"), "Fermeture de fin d'année")),
            BusinessCalendar.of(PARIS, BusinessCalendarTest.OFFICE.with(DayOfWeek.SATURDAY, OpeningRange.of("09:00", "12:00")),
                    HolidaySet.ALSACE_MOSELLE),
            BusinessCalendar.of(PARIS, BusinessCalendarTest.everyDay(OpeningRange.of("00:00", "01:15"),
                    OpeningRange.of("01:30", "02:45"), OpeningRange.of("22:00", "24:00")), HolidaySet.FRANCE),
            BusinessCalendar.of(ZoneId.of("Australia/Lord_Howe"), BusinessCalendarTest.everyDay(OpeningRange.of("00:00", "24:00")),
                    HolidaySet.LA_REUNION),
            BusinessCalendar.of(ZoneId.of("America/Santiago"), BusinessCalendarTest.OFFICE, HolidaySet.BELGIUM));

    @Property
    void businessTimeIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant x,
                                @ForAll("instants") Instant y, @ForAll("instants") Instant z) {
        List<Instant> sorted = Stream.of(x, y, z).sorted().toList();
        Instant a = sorted.get(0);
        Instant b = sorted.get(1);
        Instant c = sorted.get(2);
        assertThat(calendar.businessTimeBetween(a, c))
                .isEqualTo(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)));
    }

    @Property
    void businessTimeGrowsWithTheEndInstant(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant x,
                                            @ForAll("instants") Instant y, @ForAll("instants") Instant z) {
        List<Instant> sorted = Stream.of(x, y, z).sorted().toList();
        assertThat(calendar.businessTimeBetween(sorted.get(0), sorted.get(1)))
                .isLessThanOrEqualTo(calendar.businessTimeBetween(sorted.get(0), sorted.get(2)));
    }

    @Property
    void dueDateIsTheFirstInstantWhenTheDurationHasElapsed(@ForAll("calendars") BusinessCalendar calendar,
                                                           @ForAll("instants") Instant start, @ForAll("durations") Duration duration) {
        Instant due = calendar.plus(start, duration);
        assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(duration);
        if (!duration.isZero()) {
            assertThat(calendar.businessTimeBetween(start, due.minusNanos(1))).isLessThan(duration);
        }
    }

    @Property
    void closedDaysNeverCount(@ForAll("calendars") BusinessCalendar calendar, @ForAll("days") LocalDate day) {
        for (HolidaySet set : calendar.holidaySets()) {
            if (set.isHoliday(day)) {
                assertThat(calendar.isWorkingDay(day)).as("holiday %s", day).isFalse();
            }
        }
        if (!calendar.isWorkingDay(day)) {
            ZoneId zone = calendar.zone();
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            assertThat(calendar.businessTimeBetween(start, end)).isZero();
            assertThat(calendar.openTimeOn(day)).isZero();
            assertThat(calendar.isOpen(start.plus(Duration.between(start, end).dividedBy(2)))).isFalse();
        }
    }

    @Property
    void timeOutsideOpeningRangesNeverCounts(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant instant) {
        Instant opening = calendar.nextOpening(instant);
        assertThat(calendar.businessTimeBetween(instant, opening)).isZero();
        assertThat(calendar.isOpen(opening)).isTrue();
        assertThat(opening.equals(instant)).isEqualTo(calendar.isOpen(instant));
        if (opening.isAfter(instant)) {
            assertThat(calendar.isOpen(opening.minusNanos(1))).isFalse();
        }
    }

    /** Counting open minutes one by one gives the same answer as the day index, over spans up to three days. */
    @Property(tries = 300)
    void matchesMinuteByMinuteCount(@ForAll("calendars") BusinessCalendar calendar, @ForAll("minutes") Instant start,
                                    @ForAll @IntRange(max = 3 * 1440) int minutes) {
        long open = 0;
        for (int m = 0; m < minutes; m++) {
            if (calendar.isOpen(start.plusSeconds(60L * m))) {
                open++;
            }
        }
        assertThat(calendar.businessTimeBetween(start, start.plusSeconds(60L * minutes))).isEqualTo(Duration.ofMinutes(open));
    }

    @Property
    void workingDayDeadlineCountsExactlyThatManyWorkingDays(@ForAll("calendars") BusinessCalendar calendar,
                                                            @ForAll("days") LocalDate receipt, @ForAll @IntRange(min = 1, max = 40) int days) {
        LocalDate due = calendar.plusWorkingDays(receipt, days);
        assertThat(calendar.isWorkingDay(due)).isTrue();
        int counted = 0;
        for (LocalDate day = receipt.plusDays(1); !day.isAfter(due); day = day.plusDays(1)) {
            counted += calendar.isWorkingDay(day) ? 1 : 0;
        }
        assertThat(counted).isEqualTo(days);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Combinators.combine(Arbitraries.longs().between(FROM, TO),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
        Arbitrary<Instant> nearClockChange = Combinators.combine(Arbitraries.of(clockChanges()),
                Arbitraries.longs().between(-30 * 3600, 30 * 3600)).as(Instant::plusSeconds);
        Arbitrary<Instant> onTheMinute = minutes();
        return Arbitraries.frequencyOf(Tuple.of(4, anywhere), Tuple.of(2, nearClockChange), Tuple.of(2, onTheMinute));
    }

    @Provide
    Arbitrary<Instant> minutes() {
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(FROM / 60, TO / 60).map(m -> Instant.ofEpochSecond(m * 60));
        Arbitrary<Instant> nearClockChange = Combinators.combine(Arbitraries.of(clockChanges()),
                Arbitraries.longs().between(-48 * 60, 12 * 60)).as((t, m) -> t.plusSeconds(m * 60));
        return Arbitraries.frequencyOf(Tuple.of(1, anywhere), Tuple.of(1, nearClockChange));
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Duration> minutes = Arbitraries.longs().between(0, 60L * 24 * 120).map(Duration::ofMinutes);
        Arbitrary<Duration> nanos = Arbitraries.longs().between(0, Duration.ofDays(200).toNanos()).map(Duration::ofNanos);
        return Arbitraries.frequencyOf(Tuple.of(1, minutes), Tuple.of(1, nanos));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        List<LocalDate> holidays = new ArrayList<>();
        for (int year = 2024; year < 2030; year++) {
            for (HolidaySet set : HolidaySet.predefined()) {
                set.holidays(year).forEach(h -> holidays.add(h.date()));
            }
        }
        Arbitrary<LocalDate> anyDay = Arbitraries.longs().between(FROM / 86_400, TO / 86_400 - 1).map(LocalDate::ofEpochDay);
        return Arbitraries.frequencyOf(Tuple.of(1, anyDay), Tuple.of(1, Arbitraries.of(holidays)));
    }

    private static List<Instant> clockChanges() {
        List<Instant> changes = new ArrayList<>();
        for (BusinessCalendar calendar : CALENDARS) {
            ZoneOffsetTransition transition = calendar.zone().getRules().nextTransition(Instant.ofEpochSecond(FROM));
            while (transition != null && transition.getInstant().getEpochSecond() < TO) {
                changes.add(transition.getInstant());
                transition = calendar.zone().getRules().nextTransition(transition.getInstant());
            }
        }
        return changes;
    }
}
