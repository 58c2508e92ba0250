package org.guichet.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Holiday sets checked against the published calendars of 2024 to 2028 (and Easter-based days to 2030). */
class HolidaySetTest {

    private static final Map<Integer, List<String>> FRANCE = Map.of(
            2024, List.of("2024-01-01 Jour de l'an", "2024-04-01 Lundi de Pâques", "2024-05-01 Fête du Travail",
                    "2024-05-08 Victoire 1945", "2024-05-09 Ascension", "2024-05-20 Lundi de Pentecôte",
                    "2024-07-14 Fête nationale", "2024-08-15 Assomption", "2024-11-01 Toussaint",
                    "2024-11-11 Armistice 1918", "2024-12-25 Noël"),
            2025, List.of("2025-01-01 Jour de l'an", "2025-04-21 Lundi de Pâques", "2025-05-01 Fête du Travail",
                    "2025-05-08 Victoire 1945", "2025-05-29 Ascension", "2025-06-09 Lundi de Pentecôte",
                    "2025-07-14 Fête nationale", "2025-08-15 Assomption", "2025-11-01 Toussaint",
                    "2025-11-11 Armistice 1918", "2025-12-25 Noël"),
            2026, List.of("2026-01-01 Jour de l'an", "2026-04-06 Lundi de Pâques", "2026-05-01 Fête du Travail",
                    "2026-05-08 Victoire 1945", "2026-05-14 Ascension", "2026-05-25 Lundi de Pentecôte",
                    "2026-07-14 Fête nationale", "2026-08-15 Assomption", "2026-11-01 Toussaint",
                    "2026-11-11 Armistice 1918", "2026-12-25 Noël"),
            2027, List.of("2027-01-01 Jour de l'an", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail",
                    "2027-05-06 Ascension", "2027-05-08 Victoire 1945", "2027-05-17 Lundi de Pentecôte",
                    "2027-07-14 Fête nationale", "2027-08-15 Assomption", "2027-11-01 Toussaint",
                    "2027-11-11 Armistice 1918", "2027-12-25 Noël"),
            2028, List.of("2028-01-01 Jour de l'an", "2028-04-17 Lundi de Pâques", "2028-05-01 Fête du Travail",
                    "2028-05-08 Victoire 1945", "2028-05-25 Ascension", "2028-06-05 Lundi de Pentecôte",
                    "2028-07-14 Fête nationale", "2028-08-15 Assomption", "2028-11-01 Toussaint",
                    "2028-11-11 Armistice 1918", "2028-12-25 Noël"));

    private static final Map<Integer, String> GOOD_FRIDAY = Map.of(
            2024, "2024-03-29", 2025, "2025-04-18", 2026, "2026-04-03", 2027, "2027-03-26", 2028, "2028-04-14");

    private static final Map<Integer, List<String>> BELGIUM = Map.of(
            2024, List.of("2024-01-01 Jour de l'an", "2024-04-01 Lundi de Pâques", "2024-05-01 Fête du Travail",
                    "2024-05-09 Ascension", "2024-05-20 Lundi de Pentecôte", "2024-07-21 Fête nationale",
                    "2024-08-15 Assomption", "2024-11-01 Toussaint", "2024-11-11 Armistice", "2024-12-25 Noël"),
            2025, List.of("2025-01-01 Jour de l'an", "2025-04-21 Lundi de Pâques", "2025-05-01 Fête du Travail",
                    "2025-05-29 Ascension", "2025-06-09 Lundi de Pentecôte", "2025-07-21 Fête nationale",
                    "2025-08-15 Assomption", "2025-11-01 Toussaint", "2025-11-11 Armistice", "2025-12-25 Noël"),
            2026, List.of("2026-01-01 Jour de l'an", "2026-04-06 Lundi de Pâques", "2026-05-01 Fête du Travail",
                    "2026-05-14 Ascension", "2026-05-25 Lundi de Pentecôte", "2026-07-21 Fête nationale",
                    "2026-08-15 Assomption", "2026-11-01 Toussaint", "2026-11-11 Armistice", "2026-12-25 Noël"),
            2027, List.of("2027-01-01 Jour de l'an", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail",
                    "2027-05-06 Ascension", "2027-05-17 Lundi de Pentecôte", "2027-07-21 Fête nationale",
                    "2027-08-15 Assomption", "2027-11-01 Toussaint", "2027-11-11 Armistice", "2027-12-25 Noël"),
            2028, List.of("2028-01-01 Jour de l'an", "2028-04-17 Lundi de Pâques", "2028-05-01 Fête du Travail",
                    "2028-05-25 Ascension", "2028-06-05 Lundi de Pentecôte", "2028-07-21 Fête nationale",
                    "2028-08-15 Assomption", "2028-11-01 Toussaint", "2028-11-11 Armistice", "2028-12-25 Noël"));

    @Test
    void franceFollowsCodeDuTravailL3133_1() {
        FRANCE.forEach((year, expected) ->
                assertThat(listed(HolidaySet.FRANCE, year)).as("France %d", year).containsExactlyElementsOf(expected));
    }

    @Test
    void easterBasedDaysOf2029And2030() {
        assertThat(listed(HolidaySet.FRANCE, 2029)).contains(
                "2029-04-02 Lundi de Pâques", "2029-05-10 Ascension", "2029-05-21 Lundi de Pentecôte");
        assertThat(listed(HolidaySet.FRANCE, 2030)).contains(
                "2030-04-22 Lundi de Pâques", "2030-05-30 Ascension", "2030-06-10 Lundi de Pentecôte");
    }

    @Test
    void alsaceMoselleAddsGoodFridayAndSaintStephen() {
        FRANCE.forEach((year, national) -> {
            List<String> expected = new ArrayList<>(national);
            expected.add(GOOD_FRIDAY.get(year) + " Vendredi saint");
            expected.add(year + "-12-26 Saint-Étienne");
            assertThat(listed(HolidaySet.ALSACE_MOSELLE, year)).as("Alsace-Moselle %d", year)
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(HolidaySet.ALSACE_MOSELLE.isHoliday(LocalDate.parse("2026-04-03"))).isTrue();
        assertThat(HolidaySet.FRANCE.isHoliday(LocalDate.parse("2026-04-03"))).isFalse();
    }

    @Test
    void eachOverseasTerritoryAddsItsAbolitionDay() {
        Map<HolidaySet, String> abolition = Map.of(
                HolidaySet.MAYOTTE, "04-27", HolidaySet.MARTINIQUE, "05-22", HolidaySet.GUADELOUPE, "05-27",
                HolidaySet.SAINT_MARTIN, "05-28", HolidaySet.GUYANE, "06-10", HolidaySet.SAINT_BARTHELEMY, "10-09",
                HolidaySet.LA_REUNION, "12-20");
        abolition.forEach((set, day) -> FRANCE.forEach((year, national) -> {
            List<String> expected = new ArrayList<>(national);
            expected.add(year + "-" + day + " Abolition de l'esclavage");
            assertThat(listed(set, year)).as("%s %d", set.code(), year).containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    @Test
    void belgiumHasItsTenLegalHolidays() {
        BELGIUM.forEach((year, expected) ->
                assertThat(listed(HolidaySet.BELGIUM, year)).as("Belgium %d", year).containsExactlyElementsOf(expected));
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
