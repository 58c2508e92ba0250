package org.guichet.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class);

    @Test
    void withoutSettingsADefaultParisCalendarExists() {
        context.run(started -> {
            BusinessCalendar calendar = started.getBean(BusinessCalendars.class).get(CalendarProperties.DEFAULT);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(calendar.holidaySets()).containsExactly(HolidaySet.FRANCE);
            assertThat(calendar.schedule()).isEqualTo(WeeklySchedule.standard());
        });
    }

    @Test
    void operatorsDefineNamedCalendars() {
        context.withPropertyValues(
                "guichet.sla.calendars.prefecture-67.holidays=FR-ALSACE-MOSELLE",
                "guichet.sla.calendars.prefecture-67.hours.monday-friday=08:30-12:00,13:30-17:00",
                "guichet.sla.calendars.prefecture-67.hours.saturday=09:00-12:00",
                "guichet.sla.calendars.prefecture-67.closures[0].from=2026-05-15",
                "guichet.sla.calendars.prefecture-67.closures[0].label=Pont de l'Ascension",
                "guichet.sla.calendars.prefecture-67.closures[1].from=2026-12-28",
                "guichet.sla.calendars.prefecture-67.closures[1].to=2026-12-31",
                "guichet.sla.calendars.prefecture-67.closures[1].label=Fermeture de fin d'année",
                "guichet.sla.calendars.cgss-reunion.zone=Indian/Reunion",
                "guichet.sla.calendars.cgss-reunion.holidays=FR-RE",
                "guichet.sla.calendars.spf-bruxelles.zone=Europe/Brussels",
                "guichet.sla.calendars.spf-bruxelles.holidays=BE",
                "guichet.sla.calendars.spf-bruxelles.hours.monday=00:00-24:00").run(started -> {
            BusinessCalendars calendars = started.getBean(BusinessCalendars.class);
            assertThat(calendars.names()).containsExactly("cgss-reunion", "prefecture-67", "spf-bruxelles");

            BusinessCalendar strasbourg = calendars.get("prefecture-67");
            assertThat(strasbourg.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(strasbourg.schedule().ranges(DayOfWeek.TUESDAY)).containsExactly(
                    OpeningRange.of("08:30", "12:00"), OpeningRange.of("13:30", "17:00"));
            assertThat(strasbourg.openTimeOn(LocalDate.parse("2026-05-16"))).as("Saturday").isEqualTo(Duration.ofHours(3));
            assertThat(strasbourg.isWorkingDay(LocalDate.parse("2026-05-17"))).as("Sunday").isFalse();
            assertThat(strasbourg.isWorkingDay(LocalDate.parse("2026-05-15"))).as("bridge").isFalse();
            assertThat(strasbourg.isWorkingDay(LocalDate.parse("2026-04-03"))).as("Good Friday").isFalse();
            assertThat(strasbourg.isWorkingDay(LocalDate.parse("2026-12-30"))).isFalse();
            assertThat(strasbourg.closures()).extracting(Closure::label)
                    .containsExactly("Pont de l'Ascension", "Fermeture de fin d'année");

            BusinessCalendar reunion = calendars.get("cgss-reunion");
            assertThat(reunion.zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
            assertThat(reunion.isWorkingDay(LocalDate.parse("2027-12-20"))).isFalse();
            assertThat(reunion.schedule()).isEqualTo(WeeklySchedule.standard());

            BusinessCalendar brussels = calendars.get("spf-bruxelles");
            assertThat(brussels.openTimeOn(LocalDate.parse("2026-07-20"))).isEqualTo(Duration.ofHours(24));
            assertThat(brussels.isWorkingDay(LocalDate.parse("2026-07-21"))).isFalse();
        });
    }

    @Test
    void unknownHolidayCodeStopsTheStartNamingTheProperty() {
        context.withPropertyValues("guichet.sla.calendars.mairie.holidays=FR,DE").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasMessageContaining("guichet.sla.calendars.mairie.holidays")
                        .hasMessageContaining("'DE'")
                        .hasMessageContaining("FR-ALSACE-MOSELLE"));
    }

    @Test
    void malformedHoursStopTheStartNamingTheProperty() {
        context.withPropertyValues("guichet.sla.calendars.mairie.hours.monday=8h30-12h").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasMessageContaining("guichet.sla.calendars.mairie.hours.monday"));
        context.withPropertyValues("guichet.sla.calendars.mairie.hours.friday-monday=08:30-12:00").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasMessageContaining("friday-monday"));
        context.withPropertyValues("guichet.sla.calendars.mairie.hours.monday=12:00-08:30").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasMessageContaining("closes before it opens"));
    }

    @Test
    void unknownCalendarNameListsTheDefinedOnes() {
        context.run(started -> {
            BusinessCalendars calendars = started.getBean(BusinessCalendars.class);
            assertThat(calendars.find("mairie")).isEmpty();
            assertThatThrownBy(() -> calendars.get("mairie"))
                    .hasMessageContaining("guichet.sla.calendars.mairie").hasMessageContaining("default");
        });
    }
}
