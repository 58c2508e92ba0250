package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EasterTest {

    @Test
    void matchesPublishedEasterSundays() {
        // Published dates, including the earliest (22 March) and latest (25 April) possible.
        String[] published = {
            "1818-03-22", "1886-04-25", "1943-04-25", "1961-04-02", "2000-04-23", "2008-03-23",
            "2011-04-24", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
            "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
            "2030-04-21", "2038-04-25", "2285-03-22"};
        for (String date : published) {
            LocalDate sunday = LocalDate.parse(date);
            assertThat(Easter.sunday(sunday.getYear())).as("Easter %d", sunday.getYear()).isEqualTo(sunday);
        }
    }

    @Test
    void refusesYearsBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> Easter.sunday(1582)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void easterIsASundayBetween22MarchAnd25April(@ForAll @IntRange(min = 1583, max = 9999) int year) {
        LocalDate sunday = Easter.sunday(year);
        assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        MonthDay day = MonthDay.from(sunday);
        assertThat(day).isBetween(MonthDay.of(3, 22), MonthDay.of(4, 25));
    }
}
