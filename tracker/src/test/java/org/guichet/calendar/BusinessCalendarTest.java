package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Monday to Friday 08:30–12:00 and 13:30–17:00: 7 hours a day. */
    static final WeeklySchedule OFFICE = WeeklySchedule.weekdays(OpeningRange.of("08:30", "12:00"), OpeningRange.of("13:30", "17:00"));

    final BusinessCalendar prefecture = BusinessCalendar.of(PARIS, OFFICE, HolidaySet.FRANCE);

    @Test
    void weekendDoesNotCount() {
        // Friday 16:00 to Monday 10:00 across the spring clock change: 1 h + 1 h 30.
        assertThat(prefecture.businessTimeBetween(paris("2025-03-28T16:00"), paris("2025-03-31T10:00")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void holidayDoesNotCount() {
        // Easter Monday 21 April 2025 is closed in France; Good Friday only in Alsace-Moselle.
        assertThat(prefecture.businessTimeBetween(paris("2025-04-17T16:00"), paris("2025-04-22T09:00")))
                .isEqualTo(Duration.ofMinutes(60 + 7 * 60 + 30));
        BusinessCalendar strasbourg = BusinessCalendar.of(PARIS, OFFICE, HolidaySet.ALSACE_MOSELLE);
        assertThat(strasbourg.businessTimeBetween(paris("2025-04-17T16:00"), paris("2025-04-22T09:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void lunchBreakDoesNotCount() {
        assertThat(prefecture.businessTimeBetween(paris("2025-03-31T11:00"), paris("2025-03-31T14:00")))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(prefecture.businessTimeBetween(paris("2025-03-31T12:15"), paris("2025-03-31T13:15")))
                .isZero();
    }

    @Test
    void openingIncludesOpeningTimeAndExcludesClosingTime() {
        assertThat(prefecture.isOpen(paris("2025-03-31T08:30"))).isTrue();
        assertThat(prefecture.isOpen(paris("2025-03-31T08:29:59.999999999"))).isFalse();
        assertThat(prefecture.isOpen(paris("2025-03-31T11:59:59.999999999"))).isTrue();
        assertThat(prefecture.isOpen(paris("2025-03-31T12:00"))).isFalse();
        assertThat(prefecture.isOpen(paris("2025-03-31T13:30"))).isTrue();
        assertThat(prefecture.isOpen(paris("2025-03-31T17:00"))).isFalse();
        assertThat(prefecture.isOpen(paris("2025-04-21T10:00"))).as("Easter Monday").isFalse();
        assertThat(prefecture.isOpen(paris("2025-03-29T10:00"))).as("Saturday").isFalse();
    }

    /** Each row: the range open every day | a day | how long the range is open on that day. */
    @ParameterizedTest(name = "{0} to {1} on {2}: {3} h")
    @CsvSource(textBlock = """
            00:00, 24:00, 2025-03-30, 23
            00:00, 24:00, 2025-10-26, 25
            00:00, 24:00, 2026-03-29, 23
            00:00, 24:00, 2026-10-25, 25
            00:00, 24:00, 2026-10-24, 24
            01:00, 04:00, 2025-03-29, 3
            01:00, 04:00, 2025-03-30, 2
            01:00, 04:00, 2025-10-26, 4
            """)
    void clockChangeDaysHaveTheirRealLength(String opens, String closes, LocalDate day, long hours) {
        BusinessCalendar calendar = BusinessCalendar.of(PARIS, everyDay(OpeningRange.of(opens, closes)));
        assertThat(calendar.openTimeOn(day)).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void businessTimeAcrossTheClockChangeHasItsRealLength() {
        BusinessCalendar always = BusinessCalendar.of(PARIS, everyDay(OpeningRange.of("00:00", "24:00")));
        assertThat(always.businessTimeBetween(paris("2025-03-29T12:00"), paris("2025-03-31T12:00"))).isEqualTo(Duration.ofHours(47));
        assertThat(always.businessTimeBetween(paris("2025-10-25T12:00"), paris("2025-10-27T12:00"))).isEqualTo(Duration.ofHours(49));
        assertThat(always.plus(paris("2025-03-29T12:00"), Duration.ofHours(47))).isEqualTo(paris("2025-03-31T12:00"));
    }

    @Test
    void nightRangeAcrossTheClockChangeHasItsRealLength() {
        BusinessCalendar night = BusinessCalendar.of(PARIS, everyDay(OpeningRange.of("01:00", "04:00")));
        // 02:30 happens twice on 26 October 2025: once in summer time, once in winter time.
        Instant firstHalfPastTwo = OffsetDateTime.parse("2025-10-26T02:30+02:00").toInstant();
        Instant secondHalfPastTwo = OffsetDateTime.parse("2025-10-26T02:30+01:00").toInstant();
        assertThat(night.businessTimeBetween(firstHalfPastTwo, secondHalfPastTwo)).isEqualTo(Duration.ofHours(1));
        assertThat(night.isOpen(secondHalfPastTwo)).isTrue();
    }

    @Test
    void dueDateInBusinessTime() {
        assertThat(prefecture.plus(paris("2025-03-28T16:00"), Duration.ofHours(2))).isEqualTo(paris("2025-03-31T09:30"));
        assertThat(prefecture.plus(paris("2025-03-31T08:30"), Duration.ofMinutes(210)))
                .as("a due date on a closing time stays there").isEqualTo(paris("2025-03-31T12:00"));
        assertThat(prefecture.plus(paris("2025-03-29T10:00"), Duration.ofHours(1))).isEqualTo(paris("2025-03-31T09:30"));
        assertThat(prefecture.plus(paris("2025-03-29T10:00"), Duration.ZERO)).isEqualTo(paris("2025-03-29T10:00"));
        assertThat(prefecture.plus(paris("2025-03-31T08:30"), Duration.ofHours(35))).isEqualTo(paris("2025-04-04T17:00"));
        assertThat(prefecture.plus(paris("2025-03-31T08:30"), Duration.ofHours(35).plusNanos(1)))
                .isEqualTo(paris("2025-04-07T08:30").plusNanos(1));
        assertThat(prefecture.plus(paris("2025-04-17T08:30"), Duration.ofHours(14).plusMinutes(1)))
                .as("across Easter Monday").isEqualTo(paris("2025-04-22T08:31"));
        assertThatThrownBy(() -> prefecture.plus(paris("2025-03-31T08:30"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysAcrossAscensionBridge() {
        BusinessCalendar bridged = prefecture.withClosures(Closure.on(LocalDate.parse("2025-05-30"), "Pont de l'Ascension"));
        LocalDate wednesday = LocalDate.parse("2025-05-28");
        // Ascension Thursday 29 May, bridge Friday 30 May, Whit Monday 9 June 2025.
        assertThat(bridged.plusWorkingDays(wednesday, 1)).isEqualTo("2025-06-02");
        assertThat(bridged.plusWorkingDays(wednesday, 5)).isEqualTo("2025-06-06");
        assertThat(bridged.plusWorkingDays(wednesday, 6)).isEqualTo("2025-06-10");
        assertThat(bridged.plusWorkingDays(LocalDate.parse("2025-05-29"), 1)).isEqualTo("2025-06-02");
        assertThat(prefecture.plusWorkingDays(wednesday, 1)).isEqualTo("2025-05-30");
        assertThat(prefecture.plusWorkingDays(wednesday, 5)).isEqualTo("2025-06-05");
        // 2026: Ascension Thursday 14 May, Whit Monday 25 May, no bridge closure.
        LocalDate wednesday2026 = LocalDate.parse("2026-05-13");
        assertThat(prefecture.plusWorkingDays(wednesday2026, 1)).isEqualTo("2026-05-15");
        assertThat(prefecture.plusWorkingDays(wednesday2026, 5)).isEqualTo("2026-05-21");
        assertThat(prefecture.plusWorkingDays(wednesday2026, 7)).isEqualTo("2026-05-26");
    }

    @Test
    void workingDayDeadlineExpiresAtMidnightOfItsLastDay() {
        BusinessCalendar bridged = prefecture.withClosures(Closure.on(LocalDate.parse("2025-05-30"), "Pont de l'Ascension"));
        assertThat(bridged.plusWorkingDays(paris("2025-05-28T15:00"), 1)).isEqualTo(paris("2025-06-03T00:00"));
        assertThat(bridged.plusWorkingDays(paris("2025-05-31T10:00"), 1)).as("received on Saturday").isEqualTo(paris("2025-06-03T00:00"));
        assertThat(prefecture.plusWorkingDays(paris("2025-05-28T23:59"), 5)).isEqualTo(paris("2025-06-06T00:00"));
        assertThatThrownBy(() -> prefecture.plusWorkingDays(LocalDate.parse("2025-05-28"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextOpening() {
        assertThat(prefecture.nextOpening(paris("2025-03-29T10:00"))).isEqualTo(paris("2025-03-31T08:30"));
        assertThat(prefecture.nextOpening(paris("2025-03-31T12:30"))).isEqualTo(paris("2025-03-31T13:30"));
        assertThat(prefecture.nextOpening(paris("2025-03-31T10:00"))).isEqualTo(paris("2025-03-31T10:00"));
        assertThat(prefecture.nextOpening(paris("2025-05-29T09:00"))).as("Ascension").isEqualTo(paris("2025-05-30T08:30"));
        BusinessCalendar winter = prefecture.withClosures(
                Closure.between(LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-02"), "Fermeture de fin d'année"));
        assertThat(winter.nextOpening(paris("2025-12-19T17:00"))).isEqualTo(paris("2026-01-05T08:30"));
    }

    @Test
    void closuresAcrossNewYear() {
        BusinessCalendar winter = prefecture.withClosures(
                Closure.between(LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-02"), "Fermeture de fin d'année"));
        Instant friday = paris("2025-12-19T17:00");
        Instant monday = paris("2026-01-05T08:30");
        assertThat(winter.businessTimeBetween(friday, monday)).isZero();
        // Without the closure: 8 working days (25 December and 1 January are holidays).
        assertThat(prefecture.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(8 * 7));
        assertThat(winter.isWorkingDay(LocalDate.parse("2025-12-31"))).isFalse();
        assertThat(winter.isWorkingDay(LocalDate.parse("2026-01-05"))).isTrue();
    }

    @Test
    void workingDaysFollowTheHolidaySets() {
        BusinessCalendar strasbourg = BusinessCalendar.of(PARIS, OFFICE, HolidaySet.ALSACE_MOSELLE);
        BusinessCalendar fortDeFrance = BusinessCalendar.of(ZoneId.of("America/Martinique"), OFFICE, HolidaySet.MARTINIQUE);
        assertThat(prefecture.isWorkingDay(LocalDate.parse("2025-12-26"))).isTrue();
        assertThat(strasbourg.isWorkingDay(LocalDate.parse("2025-12-26"))).isFalse();
        assertThat(fortDeFrance.isWorkingDay(LocalDate.parse("2025-05-22"))).isFalse();
        assertThat(prefecture.isWorkingDay(LocalDate.parse("2025-05-22"))).isTrue();
        assertThat(prefecture.isWorkingDay(LocalDate.parse("2025-05-24"))).as("Saturday").isFalse();
    }

    @Test
    void reversedInstantsAreRefused() {
        assertThatThrownBy(() -> prefecture.businessTimeBetween(paris("2025-03-31T10:00"), paris("2025-03-31T09:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(prefecture.businessTimeBetween(paris("2025-03-31T10:00"), paris("2025-03-31T10:00"))).isZero();
    }

    @Test
    void dayIndexAgreesWithOpeningRangesInZonesWithOddClockChanges() {
        // Lord Howe moves by 30 minutes, Havana and (until 2019) São Paulo change at midnight,
        // Apia skipped 30 December 2011 entirely.
        List<String> zones = List.of("Europe/Paris", "Australia/Lord_Howe", "America/Havana", "America/Sao_Paulo",
                "Pacific/Apia", "America/Santiago", "Asia/Kolkata");
        List<WeeklySchedule> schedules = List.of(
                everyDay(OpeningRange.of("00:00", "24:00")),
                everyDay(OpeningRange.of("00:00", "01:30"), OpeningRange.of("02:30", "03:00"), OpeningRange.of("23:00", "24:00")),
                OFFICE);
        for (String zoneName : zones) {
            ZoneId zone = ZoneId.of(zoneName);
            for (WeeklySchedule schedule : schedules) {
                BusinessCalendar calendar = BusinessCalendar.of(zone, schedule, HolidaySet.FRANCE);
                Duration year = Duration.ZERO;
                for (LocalDate day = LocalDate.parse("2008-01-01"); day.isBefore(LocalDate.parse("2030-01-01")); day = day.plusDays(1)) {
                    Instant start = day.atStartOfDay(zone).toInstant();
                    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
                    assertThat(calendar.openTimeOn(day)).as("%s %s %s", zoneName, schedule, day)
                            .isEqualTo(calendar.businessTimeBetween(start, end));
                    year = year.plus(calendar.openTimeOn(day));
                    if (day.getMonthValue() == 12 && day.getDayOfMonth() == 31) {
                        Instant first = LocalDate.of(day.getYear(), 1, 1).atStartOfDay(zone).toInstant();
                        assertThat(calendar.businessTimeBetween(first, end)).as("%s %s year %d", zoneName, schedule, day.getYear())
                                .isEqualTo(year);
                        year = Duration.ZERO;
                    }
                }
            }
        }
        BusinessCalendar apia = BusinessCalendar.of(ZoneId.of("Pacific/Apia"), everyDay(OpeningRange.of("00:00", "24:00")));
        assertThat(apia.openTimeOn(LocalDate.parse("2011-12-30"))).isZero();
        assertThat(apia.openTimeOn(LocalDate.parse("2011-12-31"))).isEqualTo(Duration.ofHours(24));
    }

    static WeeklySchedule everyDay(OpeningRange... ranges) {
        Map<DayOfWeek, List<OpeningRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, List.of(ranges));
        }
        return WeeklySchedule.of(byDay);
    }

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }
}
