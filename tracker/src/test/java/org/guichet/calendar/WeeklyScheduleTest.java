package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyScheduleTest {

    @Test
    void standardWeekIsMondayToFridayNineToFive() {
        WeeklySchedule standard = WeeklySchedule.standard();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            assertThat(standard.ranges(day)).containsExactly(OpeningRange.of("09:00", "17:00"));
        }
        assertThat(standard.opensOn(DayOfWeek.SATURDAY)).isFalse();
        assertThat(standard.opensOn(DayOfWeek.SUNDAY)).isFalse();
    }

    @Test
    void rangesAreSortedAndOverlapsMerged() {
        WeeklySchedule schedule = WeeklySchedule.of(Map.of(DayOfWeek.MONDAY, List.of(
                OpeningRange.parse("13:30-17:00"), OpeningRange.parse("08:30-12:00"),
                OpeningRange.parse("11:00-12:30"), OpeningRange.parse("17:00-18:00"))));
        assertThat(schedule.ranges(DayOfWeek.MONDAY)).containsExactly(
                OpeningRange.of("08:30", "12:30"), OpeningRange.of("13:30", "18:00"));
        assertThat(schedule.ranges(DayOfWeek.TUESDAY)).isEmpty();
    }

    @Test
    void midnightClosesAtTheEndOfTheDay() {
        OpeningRange evening = OpeningRange.parse("22:00-24:00");
        assertThat(evening.endsAtMidnight()).isTrue();
        assertThat(evening.to()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(evening).hasToString("22:00-24:00");
        assertThat(OpeningRange.parse("00:00 - 24:00").nominalNanos()).isEqualTo(86_400_000_000_000L);
    }

    @Test
    void malformedRangesAreRefused() {
        assertThatThrownBy(() -> OpeningRange.parse("12:00-08:30")).hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> OpeningRange.parse("09:00-09:00")).hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> OpeningRange.parse("9h-12h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpeningRange.parse("09:00")).hasMessageContaining("08:30-12:00");
        assertThatThrownBy(() -> WeeklySchedule.of(Map.of())).hasMessageContaining("at least one opening range");
    }
}
