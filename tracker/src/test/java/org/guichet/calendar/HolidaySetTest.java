package org.guichet.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Holiday sets checked against the published calendars of 2024 to 2028 (and Easter-based days to 2030). */
class HolidaySetTest {

    /** The days fixed by law in France (Code du travail, L3133-1), as month-day and name. */
    private static final List<String> FRANCE_FIXED = List.of("01-01 Jour de l'an", "05-01 Fête du Travail",
            "05-08 Victoire 1945", "07-14 Fête nationale", "08-15 Assomption", "11-01 Toussaint",
            "11-11 Armistice 1918", "12-25 Noël");

    /** The days fixed by law in Belgium, as month-day and name. */
    private static final List<String> BELGIUM_FIXED = List.of("01-01 Jour de l'an", "05-01 Fête du Travail",
            "07-21 Fête nationale", "08-15 Assomption", "11-01 Toussaint", "11-11 Armistice", "12-25 Noël");

    /** The Easter-based days of one year, as published (month-day). */
    record EasterDays(int year, String goodFriday, String easterMonday, String ascension, String whitMonday) {

        /** The holidays of the year: the fixed days and the Easter-based days, in calendar order. */
        List<String> with(List<String> fixedDays) {
            return Stream.concat(fixedDays.stream(), Stream.of(easterMonday + " Lundi de Pâques",
                            ascension + " Ascension", whitMonday + " Lundi de Pentecôte"))
                    .map(day -> year + "-" + day).sorted().toList();
        }
    }

    static List<EasterDays> published() {
        return List.of(
                new EasterDays(2024, "03-29", "04-01", "05-09", "05-20"),
                new EasterDays(2025, "04-18", "04-21", "05-29", "06-09"),
                new EasterDays(2026, "04-03", "04-06", "05-14", "05-25"),
                new EasterDays(2027, "03-26", "03-29", "05-06", "05-17"),
                new EasterDays(2028, "04-14", "04-17", "05-25", "06-05"));
    }

    /** France as Code du travail L3133-1 has it, Belgium with its ten legal holidays: each published year. */
    static Stream<Arguments> nationalCalendars() {
        return published().stream().flatMap(days -> Stream.of(
                Arguments.of("France", HolidaySet.FRANCE, FRANCE_FIXED, days),
                Arguments.of("Belgium", HolidaySet.BELGIUM, BELGIUM_FIXED, days)));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("nationalCalendars")
    void aNationalCalendarIsItsFixedDaysAndItsEasterBasedDays(String country, HolidaySet set, List<String> fixedDays,
            EasterDays days) {
        assertThat(listed(set, days.year())).containsExactlyElementsOf(days.with(fixedDays));
    }

    @Test
    void easterBasedDaysOf2029And2030() {
        assertThat(listed(HolidaySet.FRANCE, 2029)).contains(
                "2029-04-02 Lundi de Pâques", "2029-05-10 Ascension", "2029-05-21 Lundi de Pentecôte");
        assertThat(listed(HolidaySet.FRANCE, 2030)).contains(
                "2030-04-22 Lundi de Pâques", "2030-05-30 Ascension", "2030-06-10 Lundi de Pentecôte");
    }

    @ParameterizedTest(name = "Alsace-Moselle {0}")
    @MethodSource("published")
    void alsaceMoselleAddsGoodFridayAndSaintStephen(EasterDays days) {
        List<String> expected = new ArrayList<>(days.with(FRANCE_FIXED));
        expected.add(days.year() + "-" + days.goodFriday() + " Vendredi saint");
        expected.add(days.year() + "-12-26 Saint-Étienne");
        assertThat(listed(HolidaySet.ALSACE_MOSELLE, days.year())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void goodFridayIsAHolidayOnlyInAlsaceMoselle() {
        assertThat(HolidaySet.ALSACE_MOSELLE.isHoliday(LocalDate.parse("2026-04-03"))).isTrue();
        assertThat(HolidaySet.FRANCE.isHoliday(LocalDate.parse("2026-04-03"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void eachOverseasTerritoryAddsItsAbolitionDay(EasterDays days) {
        Map<HolidaySet, String> abolition = Map.of(
                HolidaySet.MAYOTTE, "04-27", HolidaySet.MARTINIQUE, "05-22", HolidaySet.GUADELOUPE, "05-27",
                HolidaySet.SAINT_MARTIN, "05-28", HolidaySet.GUYANE, "06-10", HolidaySet.SAINT_BARTHELEMY, "10-09",
                HolidaySet.LA_REUNION, "12-20");
        abolition.forEach((set, day) -> {
            List<String> expected = new ArrayList<>(days.with(FRANCE_FIXED));
            expected.add(days.year() + "-" + day + " Abolition de l'esclavage");
            assertThat(listed(set, days.year())).as(set.code()).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void belgiumKeepsItsOwnNationalDay() {
        assertThat(HolidaySet.BELGIUM.isHoliday(LocalDate.parse("2025-05-08"))).isFalse();
        assertThat(HolidaySet.BELGIUM.isHoliday(LocalDate.parse("2025-07-21"))).isTrue();
    }

    @Test
    void twoHolidaysOnOneDayAreBothListed() {
        // In 2008 Ascension fell on 1 May.
        assertThat(HolidaySet.FRANCE.holidaysOn(LocalDate.parse("2008-05-01")))
                .extracting(Holiday::name).containsExactlyInAnyOrder("Fête du Travail", "Ascension");
        assertThat(HolidaySet.FRANCE.holidays(2008)).hasSize(11);
    }

    @Test
    void predefinedSetsAreFoundByStableCodes() {
        assertThat(HolidaySet.predefined()).extracting(HolidaySet::code).containsExactly(
                "FR", "FR-ALSACE-MOSELLE", "FR-YT", "FR-MQ", "FR-GP", "FR-MF", "FR-GF", "FR-BL", "FR-RE", "BE");
        assertThat(HolidaySet.forCode("FR")).contains(HolidaySet.FRANCE);
        assertThat(HolidaySet.forCode(" fr-mq ")).contains(HolidaySet.MARTINIQUE);
        assertThat(HolidaySet.forCode("BE")).contains(HolidaySet.BELGIUM);
        assertThat(HolidaySet.forCode("DE")).isEmpty();
        assertThat(HolidaySet.forCode(null)).isEmpty();
    }

    private static List<String> listed(HolidaySet set, int year) {
        return set.holidays(year).stream().map(h -> h.date() + " " + h.name()).toList();
    }
}
