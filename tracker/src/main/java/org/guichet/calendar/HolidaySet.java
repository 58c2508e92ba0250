package org.guichet.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.guichet.calendar.HolidayRule.fixed;
import static org.guichet.calendar.HolidayRule.fromEaster;

/**
 * A named set of public holidays: for any year, the dated holidays with their French
 * names. The predefined sets are found by a stable code ({@link #forCode(String)}) that
 * settings and stored policies refer to, so a code never changes meaning.
 *
 * <p>The sets state the law in force today and apply it to every year; they do not
 * replay past changes (for example Mayotte's date, or Saint-Martin's move to 28 May).
 *
 * @param code  stable identifier, e.g. {@code "FR"}, {@code "FR-ALSACE-MOSELLE"}, {@code "BE"}
 * @param name  human name of the set, in French
 * @param rules the holidays, each falling once a year
 */
public record HolidaySet(String code, String name, List<HolidayRule> rules) {

    /** Code du travail, art. L3133-1: the eleven fêtes légales of metropolitan France. */
    public static final HolidaySet FRANCE = new HolidaySet("FR", "France (Code du travail L3133-1)", List.of(
            fixed(1, 1, "Jour de l'an"),                       // L3133-1 1°
            fromEaster(1, "Lundi de Pâques"),                   // L3133-1 2°
            fixed(5, 1, "Fête du Travail"),                     // L3133-1 3°
            fixed(5, 8, "Victoire 1945"),                       // L3133-1 4°
            fromEaster(39, "Ascension"),                        // L3133-1 5°
            fromEaster(50, "Lundi de Pentecôte"),               // L3133-1 6°
            fixed(7, 14, "Fête nationale"),                     // L3133-1 7°
            fixed(8, 15, "Assomption"),                         // L3133-1 8°
            fixed(11, 1, "Toussaint"),                          // L3133-1 9°
            fixed(11, 11, "Armistice 1918"),                    // L3133-1 10°
            fixed(12, 25, "Noël")));                            // L3133-1 11°

    /**
     * Bas-Rhin, Haut-Rhin and Moselle, Code du travail art. L3134-13: the national list
     * plus 26 December and Good Friday. The article limits Good Friday to communes with a
     * Protestant temple or mixed church; it is observed throughout in practice.
     */
    public static final HolidaySet ALSACE_MOSELLE = FRANCE.extendedAs("FR-ALSACE-MOSELLE", "Alsace-Moselle (L3134-13)",
            fromEaster(-2, "Vendredi saint"),                   // L3134-13
            fixed(12, 26, "Saint-Étienne"));                    // L3134-13

    /** Mayotte: national list plus abolition of slavery on 27 April (L3422-2). */
    public static final HolidaySet MAYOTTE = abolition("FR-YT", "Mayotte", 4, 27);

    /** Martinique: national list plus abolition of slavery on 22 May (L3422-2). */
    public static final HolidaySet MARTINIQUE = abolition("FR-MQ", "Martinique", 5, 22);

    /** Guadeloupe: national list plus abolition of slavery on 27 May (L3422-2). */
    public static final HolidaySet GUADELOUPE = abolition("FR-GP", "Guadeloupe", 5, 27);

    /** Saint-Martin: national list plus abolition of slavery on 28 May (L3422-2, date set by circular). */
    public static final HolidaySet SAINT_MARTIN = abolition("FR-MF", "Saint-Martin", 5, 28);

    /** Guyane: national list plus abolition of slavery on 10 June (L3422-2). */
    public static final HolidaySet GUYANE = abolition("FR-GF", "Guyane", 6, 10);

    /** Saint-Barthélemy: national list plus abolition of slavery on 9 October (L3422-2). */
    public static final HolidaySet SAINT_BARTHELEMY = abolition("FR-BL", "Saint-Barthélemy", 10, 9);

    /** La Réunion: national list plus abolition of slavery on 20 December (L3422-2). */
    public static final HolidaySet LA_REUNION = abolition("FR-RE", "La Réunion", 12, 20);

    /** Belgium: the ten public holidays of the loi du 4 janvier 1974 and arrêté royal du 18 avril 1974, art. 1. */
    public static final HolidaySet BELGIUM = new HolidaySet("BE", "Belgique (loi du 4 janvier 1974)", List.of(
            fixed(1, 1, "Jour de l'an"),
            fromEaster(1, "Lundi de Pâques"),
            fixed(5, 1, "Fête du Travail"),
            fromEaster(39, "Ascension"),
            fromEaster(50, "Lundi de Pentecôte"),
            fixed(7, 21, "Fête nationale"),
            fixed(8, 15, "Assomption"),
            fixed(11, 1, "Toussaint"),
            fixed(11, 11, "Armistice"),
            fixed(12, 25, "Noël")));

    private static final Map<String, HolidaySet> PREDEFINED = index(FRANCE, ALSACE_MOSELLE, MAYOTTE, MARTINIQUE,
            GUADELOUPE, SAINT_MARTIN, GUYANE, SAINT_BARTHELEMY, LA_REUNION, BELGIUM);

    public HolidaySet {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a holiday set needs a code");
        }
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }

    /** The predefined set with this code (case-insensitive), if any. */
    public static Optional<HolidaySet> forCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(PREDEFINED.get(code.strip().toUpperCase()));
    }

    /** Every predefined set, national list first. */
    public static List<HolidaySet> predefined() {
        return List.copyOf(PREDEFINED.values());
    }

    /**
     * The holidays of {@code year}, sorted by date. Two holidays may share a date
     * (Ascension fell on 1 May in 2008); both are listed.
     */
    public List<Holiday> holidays(int year) {
        List<Holiday> holidays = new ArrayList<>(rules.size());
        for (HolidayRule rule : rules) {
            holidays.add(rule.in(year));
        }
        Collections.sort(holidays);
        return List.copyOf(holidays);
    }

    /** The holidays falling on {@code day}; empty on an ordinary day. */
    public List<Holiday> holidaysOn(LocalDate day) {
        return holidays(day.getYear()).stream().filter(h -> h.date().equals(day)).toList();
    }

    /** Whether {@code day} is a holiday of this set. */
    public boolean isHoliday(LocalDate day) {
        for (HolidayRule rule : rules) {
            if (rule.in(day.getYear()).date().equals(day)) {
                return true;
            }
        }
        return false;
    }

    /** This set plus more holidays, under a new code and name. */
    public HolidaySet extendedAs(String newCode, String newName, HolidayRule... more) {
        List<HolidayRule> all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return new HolidaySet(newCode, newName, all);
    }

    private static HolidaySet abolition(String code, String territory, int month, int day) {
        // Code du travail L3422-2: the commemoration of the abolition of slavery is a holiday
        // in each overseas territory, on the date the decree sets for it, on top of L3133-1.
        return FRANCE.extendedAs(code, territory + " (L3133-1 et L3422-2)",
                fixed(month, day, "Abolition de l'esclavage"));
    }

    private static Map<String, HolidaySet> index(HolidaySet... sets) {
        Map<String, HolidaySet> byCode = new LinkedHashMap<>();
        for (HolidaySet set : sets) {
            byCode.put(set.code(), set);
        }
        return Collections.unmodifiableMap(byCode);
    }

    @Override
    public String toString() {
        return code + " " + rules.stream().map(HolidayRule::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
