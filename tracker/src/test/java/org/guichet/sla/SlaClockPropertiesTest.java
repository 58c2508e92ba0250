package org.guichet.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.Closure;
import org.guichet.calendar.HolidaySet;
import org.guichet.calendar.OpeningRange;
import org.guichet.calendar.WeeklySchedule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the clocks, over random cases (citizen and automatic messages,
 * acknowledgements, answers, pauses, closings, reopenings, transfers between two services
 * with different calendars) and random policy versions.
 */
class SlaClockPropertiesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessCalendar MAIRIE = BusinessCalendar.of(PARIS, WeeklySchedule.standard(), HolidaySet.FRANCE)
            .withClosures(Closure.on(LocalDate.parse("2025-05-30"), "Pont de l'Ascension"));
    private static final BusinessCalendar PREFECTURE = BusinessCalendar.of(PARIS, WeeklySchedule.weekdays(
            OpeningRange.of("08:30", "12:00"), OpeningRange.of("13:30", "17:00"))
            .with(DayOfWeek.SATURDAY, OpeningRange.of("09:00", "12:00")), HolidaySet.ALSACE_MOSELLE);
    private static final ServiceCalendars CALENDARS = service -> service.equals("mairie") ? MAIRIE : PREFECTURE;
    private static final List<String> SERVICES = List.of("mairie", "prefecture");
    /** Starts near holidays: Easter Monday, 1 and 8 May, Ascension, Whit Monday, 14 July, Christmas. */
    private static final List<Instant> ANCHORS = List.of(Instant.parse("2025-04-17T06:00:00Z"),
            Instant.parse("2025-04-28T06:00:00Z"), Instant.parse("2025-05-26T06:00:00Z"),
            Instant.parse("2025-06-05T06:00:00Z"), Instant.parse("2025-07-10T06:00:00Z"),
            Instant.parse("2025-12-20T06:00:00Z"));

    /** A case: its events in log order, and the policy versions in force. */
    record Case(List<SlaEvent> events, SlaPolicies policies) {
        Instant end() {
            return events.get(events.size() - 1).at().plus(Duration.ofDays(3));
        }

        SlaFigures figures(Instant asOf) {
            return new SlaClock(policies, CALENDARS).figures(events, asOf);
        }
    }

    enum Step { CITIZEN, AUTOMATIC, ACKNOWLEDGED, ANSWERED, WAITING, OPEN, CLOSED, REOPENED, TRANSFERRED }

    @Property(tries = 300)
    void timeInPausesNeverCounts(@ForAll("cases") Case c) {
        List<SlaEvent> events = c.events();
        for (int i = 0; i < events.size(); i++) {
            Instant from = events.get(i).at();
            Instant to = i + 1 < events.size() ? events.get(i + 1).at().minusNanos(1) : c.end();
            if (!to.isAfter(from)) {
                continue;
            }
            SlaFigures before = c.figures(from);
            SlaFigures after = c.figures(to);
            for (ClockFigure clock : before.clocks()) {
                if (clock.state() == ClockState.PAUSED) {
                    ClockFigure later = same(after, clock).orElseThrow();
                    assertThat(later.elapsed()).as("%s paused from %s to %s", clock.metric(), from, to).isEqualTo(clock.elapsed());
                    assertThat(later.elapsedBusinessTime()).isEqualTo(clock.elapsedBusinessTime());
                }
            }
        }
    }

    @Property(tries = 300)
    void timeOnHolidaysAndClosedDaysNeverCounts(@ForAll("cases") Case c) {
        List<SlaEvent> events = c.events();
        LocalDate first = LocalDate.ofInstant(events.get(0).at(), PARIS);
        LocalDate last = LocalDate.ofInstant(c.end(), PARIS);
        for (LocalDate day = first.plusDays(1); day.isBefore(last); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(PARIS).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(PARIS).toInstant().minusNanos(1);
            if (events.stream().anyMatch(e -> !e.at().isBefore(dayStart) && !e.at().isAfter(dayEnd))) {
                continue;
            }
            SlaFigures morning = c.figures(dayStart);
            SlaFigures night = c.figures(dayEnd);
            for (ClockFigure clock : morning.clocks()) {
                BusinessCalendar calendar = CALENDARS.of(clock.serviceCode());
                if (!calendar.isWorkingDay(day)) {
                    ClockFigure later = same(night, clock).orElseThrow();
                    assertThat(later.elapsedBusinessTime()).as("%s on closed %s", clock.metric(), day)
                            .isEqualTo(clock.elapsedBusinessTime());
                    if (clock.target().countsOpenTime()) {
                        assertThat(later.elapsed()).isEqualTo(clock.elapsed());
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void elapsedTimeNeverDecreasesAsEventsAreAppended(@ForAll("cases") Case c) {
        SlaFigures previous = null;
        for (int k = 1; k <= c.events().size(); k++) {
            List<SlaEvent> prefix = c.events().subList(0, k);
            Instant asOf = prefix.get(k - 1).at();
            SlaFigures figures = new Case(prefix, c.policies()).figures(asOf);
            if (previous != null) {
                for (ClockFigure clock : previous.clocks()) {
                    ClockFigure later = same(figures, clock).orElseThrow(() -> new AssertionError("clock vanished: " + clock));
                    assertThat(later.elapsed()).isGreaterThanOrEqualTo(clock.elapsed());
                    assertThat(later.elapsedBusinessTime()).isGreaterThanOrEqualTo(clock.elapsedBusinessTime());
                }
            }
            previous = figures;
        }
    }

    @Property(tries = 300)
    void aPolicyVersionEffectiveAtTNeverAltersClocksStartedBeforeT(@ForAll("cases") Case c,
            @ForAll("terms") SlaTerms terms, @ForAll("offsetsInMinutes") int offset, @ForAll("services") String service) {
        Instant effective = c.events().get(0).at().plus(Duration.ofMinutes(offset));
        int version = c.policies().versions(service).stream().mapToInt(SlaPolicy::version).max().orElse(0) + 1;
        Case changed = new Case(c.events(), c.policies().with(new SlaPolicy(service, version, effective, terms)));
        for (Instant asOf : List.of(effective, c.end())) {
            SlaFigures before = c.figures(asOf);
            SlaFigures after = changed.figures(asOf);
            assertThat(after.clocks()).hasSameSizeAs(before.clocks());
            for (ClockFigure clock : before.clocks()) {
                if (clock.start().isBefore(effective)) {
                    assertThat(same(after, clock)).contains(clock);
                }
            }
        }
    }

    @Property(tries = 200)
    void recomputationIsDeterministic(@ForAll("cases") Case c, @ForAll("offsetsInMinutes") int offset) {
        Instant asOf = c.events().get(0).at().plus(Duration.ofMinutes(offset));
        SlaFigures once = c.figures(asOf);
        Case copy = new Case(new ArrayList<>(c.events()), new SlaPolicies(new ArrayList<>(c.policies().versions()),
                c.policies().defaults()));
        ServiceCalendars rebuilt = service -> BusinessCalendar.of(PARIS, CALENDARS.of(service).schedule(),
                CALENDARS.of(service).holidaySets().toArray(HolidaySet[]::new))
                .withClosures(CALENDARS.of(service).closures().toArray(Closure[]::new));
        assertThat(new SlaClock(copy.policies(), rebuilt).figures(copy.events(), asOf)).isEqualTo(once);
        assertThat(c.figures(asOf)).isEqualTo(once);
    }

    private static Optional<ClockFigure> same(SlaFigures figures, ClockFigure clock) {
        return figures.clocks().stream()
                .filter(c -> c.metric() == clock.metric() && c.cycle() == clock.cycle() && c.start().equals(clock.start()))
                .findFirst();
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Instant> start = Combinators.combine(Arbitraries.of(ANCHORS), Arbitraries.integers().between(0, 14 * 24 * 60))
                .as((anchor, minutes) -> anchor.plus(Duration.ofMinutes(minutes)));
        Arbitrary<Integer> gap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(1, 600)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(600, 5 * 24 * 60)));
        Arbitrary<List<Step>> steps = Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(18);
        Arbitrary<List<Integer>> gaps = gap.list().ofSize(18);
        Arbitrary<List<SlaPolicy>> versions = Combinators.combine(services(), terms(), offsetsInMinutes())
                .as((service, terms, offset) -> new Object[] {service, terms, offset}).list().ofMaxSize(3)
                .map(raw -> {
                    List<SlaPolicy> list = new ArrayList<>();
                    for (Object[] v : raw) {
                        String service = (String) v[0];
                        int number = (int) list.stream().filter(p -> p.serviceCode().equals(service)).count() + 1;
                        list.add(new SlaPolicy(service, number, Instant.EPOCH.plus(Duration.ofMinutes((int) v[2])),
                                (SlaTerms) v[1]));
                    }
                    return list;
                });
        return Combinators.combine(start, services(), steps, gaps, versions, terms()).as((at, service, list, pauses, raw, defaults) -> {
            List<SlaEvent> events = new ArrayList<>();
            events.add(SlaEvent.opened(at, service));
            Instant t = at;
            for (int i = 0; i < list.size(); i++) {
                t = t.plus(Duration.ofMinutes(i == 0 ? 0 : pauses.get(i)));
                events.add(event(list.get(i), t, service, i));
            }
            // Versions were drawn relative to the epoch: move them next to the case.
            Instant origin = at;
            List<SlaPolicy> placed = raw.stream().map(p -> new SlaPolicy(p.serviceCode(), p.version(),
                    origin.plus(Duration.between(Instant.EPOCH, p.effectiveFrom())), p.terms())).toList();
            return new Case(events, new SlaPolicies(placed, defaults));
        });
    }

    private static SlaEvent event(Step step, Instant at, String service, int index) {
        return switch (step) {
            case CITIZEN -> SlaEvent.received(at);
            case AUTOMATIC -> SlaEvent.receivedAutomatic(at);
            case ACKNOWLEDGED -> SlaEvent.acknowledged(at);
            case ANSWERED -> SlaEvent.answered(at);
            case WAITING -> SlaEvent.statusChanged(at, SlaEvent.WAITING_CITIZEN);
            case OPEN -> SlaEvent.statusChanged(at, SlaEvent.OPEN);
            case CLOSED -> SlaEvent.statusChanged(at, SlaEvent.CLOSED);
            case REOPENED -> SlaEvent.reopened(at);
            case TRANSFERRED -> SlaEvent.transferred(at, SERVICES.get(index % 2));
        };
    }

    @Provide
    Arbitrary<String> services() {
        return Arbitraries.of(SERVICES);
    }

    /** From 2 days before the case opens to 20 days after. */
    @Provide
    Arbitrary<Integer> offsetsInMinutes() {
        return Arbitraries.integers().between(-2 * 24 * 60, 20 * 24 * 60);
    }

    @Provide
    Arbitrary<SlaTerms> terms() {
        Arbitrary<SlaTarget> target = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 6).map(SlaTarget.WorkingDays::new),
                Arbitraries.integers().between(1, 60 * 40).map(m -> new SlaTarget.BusinessTime(Duration.ofMinutes(m))),
                Arbitraries.integers().between(1, 60 * 24 * 10).map(m -> new SlaTarget.CalendarTime(Duration.ofMinutes(m))),
                Arbitraries.integers().between(1, 2).map(SlaTarget.CalendarMonths::new));
        Arbitrary<Set<String>> pausing = Arbitraries.of(Set.of(SlaEvent.WAITING_CITIZEN), Set.<String>of());
        return Combinators.combine(target.list().ofSize(4), pausing, Arbitraries.doubles().between(0.05, 1.0),
                Arbitraries.of(ImplicitDecision.class)).as((targets, statuses, warning, implicit) -> {
            Map<SlaMetric, SlaTarget> byMetric = new EnumMap<>(SlaMetric.class);
            for (SlaMetric metric : SlaMetric.values()) {
                byMetric.put(metric, targets.get(metric.ordinal()));
            }
            return new SlaTerms(byMetric, statuses, warning, implicit);
        });
    }
}
