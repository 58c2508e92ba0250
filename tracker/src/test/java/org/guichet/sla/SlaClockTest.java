package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.calendar.BusinessCalendar;
import org.guichet.calendar.Closure;
import org.guichet.calendar.HolidaySet;
import org.guichet.calendar.WeeklySchedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.sla.SlaEvent.acknowledged;
import static org.guichet.sla.SlaEvent.answered;
import static org.guichet.sla.SlaEvent.opened;
import static org.guichet.sla.SlaEvent.received;
import static org.guichet.sla.SlaEvent.receivedAutomatic;
import static org.guichet.sla.SlaEvent.reopened;
import static org.guichet.sla.SlaEvent.statusChanged;
import static org.guichet.sla.SlaEvent.transferred;

/** The clocks on the French calendar (Monday–Friday 09:00–17:00, Europe/Paris), with literal dates of 2025. */
class SlaClockTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final BusinessCalendar FRANCE = BusinessCalendar.of(PARIS, WeeklySchedule.standard(), HolidaySet.FRANCE);
    /** The defaults of guichet.sla: 1 working day, 5, 5, 2 months; waiting_citizen pauses; warning at 80 %. */
    static final SlaTerms DEFAULTS = new SlaTerms(Map.of(
            SlaMetric.ACKNOWLEDGEMENT, SlaTarget.valueOf("1 working day"),
            SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("5 working days"),
            SlaMetric.NEXT_ANSWER, SlaTarget.valueOf("5 working days"),
            SlaMetric.RESOLUTION, SlaTarget.valueOf("2 months")),
            Set.of(SlaEvent.WAITING_CITIZEN), 0.8, ImplicitDecision.NONE);

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    private static SlaFigures figures(SlaPolicies policies, BusinessCalendar calendar, String asOf, SlaEvent... events) {
        return new SlaClock(policies, ServiceCalendars.single(calendar)).figures(List.of(events), paris(asOf));
    }

    private static SlaFigures figures(String asOf, SlaEvent... events) {
        return figures(SlaPolicies.defaultsOnly(DEFAULTS), FRANCE, asOf, events);
    }

    @Test
    void messageOnFridayEveningIsAcknowledgedInTimeUntilTheEndOfMonday() {
        SlaEvent[] events = {opened(paris("2025-05-30T18:30"), "caf"), received(paris("2025-05-30T18:30")),
                acknowledged(paris("2025-06-02T16:59"))};
        ClockFigure ack = figures("2025-06-03T12:00", events).acknowledgement().orElseThrow();

        // CRPA L112-11: 1 working day, the day of receipt not counting: Monday 2 June, until 24:00.
        assertThat(ack.due()).isEqualTo(paris("2025-06-03T00:00"));
        assertThat(ack.state()).isEqualTo(ClockState.MET);
        // Friday after 17:00 and the weekend are closed: only Monday 09:00–16:59 counted.
        assertThat(ack.elapsedBusinessTime()).isEqualTo(Duration.ofHours(7).plusMinutes(59));
        assertThat(ack.policyVersion()).isEqualTo(SlaPolicy.DEFAULT_VERSION);
    }

    @Test
    void ascensionAndItsBridgeDoNotCount() {
        BusinessCalendar withBridge = FRANCE.withClosures(Closure.on(LocalDate.parse("2025-05-30"), "Pont de l'Ascension"));
        SlaEvent[] events = {opened(paris("2025-05-28T16:00"), "caf"), received(paris("2025-05-28T16:00"))};
        SlaFigures figures = figures(SlaPolicies.defaultsOnly(DEFAULTS), withBridge, "2025-06-02T10:00", events);

        // Thursday 29 May is Ascension (L3133-1 5°), Friday 30 May the service's closure.
        ClockFigure ack = figures.acknowledgement().orElseThrow();
        assertThat(ack.due()).isEqualTo(paris("2025-06-03T00:00"));
        assertThat(ack.state()).isEqualTo(ClockState.RUNNING);
        assertThat(ack.elapsedBusinessTime()).isEqualTo(Duration.ofHours(2));
        ClockFigure first = figures.firstAnswer().orElseThrow();
        assertThat(first.due()).isEqualTo(paris("2025-06-07T00:00"));
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(2));
        // Without the closure, the bridge Friday is a working day and the dates come a day earlier.
        ClockFigure ackWithoutBridge = figures("2025-06-02T10:00", events).acknowledgement().orElseThrow();
        assertThat(ackWithoutBridge.due()).isEqualTo(paris("2025-05-31T00:00"));
        assertThat(ackWithoutBridge.state()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void whitMondayIsSkipped() {
        SlaEvent[] events = {opened(paris("2025-06-06T17:30"), "caf"), received(paris("2025-06-06T17:30")),
                acknowledged(paris("2025-06-10T23:00")), answered(paris("2025-06-13T10:00"))};
        SlaFigures figures = figures("2025-06-20T12:00", events);

        // Monday 9 June is Whit Monday (L3133-1 6°): the first working day is Tuesday 10 June.
        ClockFigure ack = figures.acknowledgement().orElseThrow();
        assertThat(ack.due()).isEqualTo(paris("2025-06-11T00:00"));
        assertThat(ack.state()).isEqualTo(ClockState.MET);
        ClockFigure first = figures.firstAnswer().orElseThrow();
        assertThat(first.due()).isEqualTo(paris("2025-06-17T00:00"));  // 10, 11, 12, 13, 16 June
        assertThat(first.state()).isEqualTo(ClockState.MET);
        assertThat(first.elapsedBusinessTime()).isEqualTo(Duration.ofHours(8 * 3 + 1));
    }

    @Test
    void waitingOnTheCitizenPausesAnswerAndResolutionButNotTheAcknowledgement() {
        SlaEvent[] events = {opened(paris("2025-06-02T10:00"), "caf"), received(paris("2025-06-02T10:00")),
                statusChanged(paris("2025-06-02T12:00"), SlaEvent.WAITING_CITIZEN),
                received(paris("2025-06-04T15:00")),
                answered(paris("2025-06-05T11:00"))};
        SlaFigures paused = figures("2025-06-03T16:00", events);
        assertThat(paused.firstAnswer().orElseThrow().state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.firstAnswer().orElseThrow().elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(paused.firstAnswer().orElseThrow().due()).isNull();
        assertThat(paused.resolution().orElseThrow().state()).isEqualTo(ClockState.PAUSED);
        // CRPA L112-11: the acknowledgement is owed whatever the case waits on.
        assertThat(paused.acknowledgement().orElseThrow().state()).isEqualTo(ClockState.RUNNING);
        assertThat(paused.acknowledgement().orElseThrow().elapsed()).isEqualTo(Duration.ofHours(7 + 7));

        SlaFigures answeredFigures = figures("2025-06-20T12:00", events);
        ClockFigure first = answeredFigures.firstAnswer().orElseThrow();
        // Counted: Monday 10–12, Wednesday 15–17 (the citizen's reply resumes), Thursday 9–11.
        assertThat(first.elapsedBusinessTime()).isEqualTo(Duration.ofHours(6));
        assertThat(first.state()).isEqualTo(ClockState.MET);
        // 5 working days from Monday 2 June end with Tuesday 10 June (Whit Monday skipped): a
        // budget of 47 open hours, 2 spent before the pause, 45 from Wednesday 15:00: spent on
        // Friday 13 June at 12:00, so due at the end of that day.
        assertThat(first.due()).isEqualTo(paris("2025-06-14T00:00"));
        // The reply while waiting for the first answer starts no next-answer clock.
        assertThat(answeredFigures.nextAnswers()).isEmpty();
        // Resolution is paused too: 2 months of wall-clock time minus the 51 paused hours.
        ClockFigure resolution = answeredFigures.resolution().orElseThrow();
        assertThat(resolution.due()).isEqualTo(paris("2025-08-02T10:00").plus(Duration.ofHours(51)));
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void statusOpenAlsoResumes() {
        SlaEvent[] events = {opened(paris("2025-06-02T10:00"), "caf"), received(paris("2025-06-02T10:00")),
                statusChanged(paris("2025-06-02T12:00"), SlaEvent.WAITING_CITIZEN),
                statusChanged(paris("2025-06-03T14:00"), SlaEvent.OPEN)};
        ClockFigure first = figures("2025-06-03T16:00", events).firstAnswer().orElseThrow();
        assertThat(first.state()).isEqualTo(ClockState.RUNNING);
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void automaticMessagesStartNothingAndAutomaticAnswersStopNothing() {
        SlaFigures onlyAutomatic = figures("2025-06-20T12:00", opened(paris("2025-06-02T10:00"), "caf"),
                receivedAutomatic(paris("2025-06-02T10:00")));
        assertThat(onlyAutomatic.clocks()).isEmpty();

        SlaFigures mixed = figures("2025-06-03T12:00", opened(paris("2025-06-02T10:00"), "caf"),
                receivedAutomatic(paris("2025-06-02T10:00")),
                received(paris("2025-06-02T11:00")),
                new SlaEvent(SlaEvent.Type.ANSWERED, paris("2025-06-02T11:05"), true, null, null),
                answered(paris("2025-06-02T15:00")),
                receivedAutomatic(paris("2025-06-02T15:01")));
        ClockFigure first = mixed.firstAnswer().orElseThrow();
        assertThat(first.start()).isEqualTo(paris("2025-06-02T11:00"));
        assertThat(first.stoppedAt()).isEqualTo(paris("2025-06-02T15:00"));
        // An out-of-office after the answer is not a follow-up.
        assertThat(mixed.nextAnswers()).isEmpty();
    }

    @Test
    void aFollowUpAfterAnAnswerStartsANextAnswerClock() {
        SlaFigures figures = figures("2025-06-20T12:00", opened(paris("2025-06-02T10:00"), "caf"),
                received(paris("2025-06-02T10:00")), answered(paris("2025-06-03T10:00")),
                received(paris("2025-06-04T10:00")), received(paris("2025-06-04T11:00")),
                answered(paris("2025-06-05T10:00")),
                received(paris("2025-06-06T10:00")));
        List<ClockFigure> next = figures.nextAnswers();
        assertThat(next).extracting(ClockFigure::cycle).containsExactly(1, 2);
        assertThat(next.get(0).start()).isEqualTo(paris("2025-06-04T10:00"));
        assertThat(next.get(0).state()).isEqualTo(ClockState.MET);
        assertThat(next.get(0).elapsedBusinessTime()).isEqualTo(Duration.ofHours(8));
        // 6 June + 5 working days (9 June is Whit Monday): 10, 11, 12, 13, 16 June.
        assertThat(next.get(1).due()).isEqualTo(paris("2025-06-17T00:00"));
        assertThat(next.get(1).state()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void aVersionEffectiveMidCaseLeavesStartedClocksAndAppliesToALaterFollowUp() {
        SlaTerms faster = DEFAULTS.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("PT4H business"))
                .with(SlaMetric.NEXT_ANSWER, SlaTarget.valueOf("PT4H business"));
        SlaPolicies before = SlaPolicies.defaultsOnly(DEFAULTS);
        SlaPolicies after = before.with(new SlaPolicy("caf", 1, paris("2025-06-04T00:00"), faster));
        SlaEvent[] events = {opened(paris("2025-06-02T10:00"), "caf"), received(paris("2025-06-02T10:00")),
                answered(paris("2025-06-03T10:00")),
                received(paris("2025-06-04T10:00")), answered(paris("2025-06-04T15:00"))};

        SlaFigures old = figures(before, FRANCE, "2025-06-20T12:00", events);
        SlaFigures changed = figures(after, FRANCE, "2025-06-20T12:00", events);

        // Started on 2 June under the default: unchanged, to the last figure.
        assertThat(changed.firstAnswer()).isEqualTo(old.firstAnswer());
        assertThat(changed.firstAnswer().orElseThrow().state()).isEqualTo(ClockState.MET);
        assertThat(changed.resolution()).isEqualTo(old.resolution());
        // The follow-up of 4 June follows version 1: due 4 open hours later, answered an hour late.
        ClockFigure next = changed.nextAnswers().get(0);
        assertThat(next.policyVersion()).isEqualTo(1);
        assertThat(next.due()).isEqualTo(paris("2025-06-04T14:00"));
        assertThat(next.state()).isEqualTo(ClockState.BREACHED);
        assertThat(old.nextAnswers().get(0).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void metBeforeTheDueDateBreachedAtIt() {
        SlaTerms eightHours = DEFAULTS.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("PT8H business"));
        SlaPolicies policies = SlaPolicies.defaultsOnly(eightHours);
        Instant start = paris("2025-06-02T09:00");
        ClockFigure justInTime = figures(policies, FRANCE, "2025-06-10T12:00", opened(start, "caf"), received(start),
                answered(paris("2025-06-02T16:59:59"))).firstAnswer().orElseThrow();
        ClockFigure atTheDueDate = figures(policies, FRANCE, "2025-06-10T12:00", opened(start, "caf"), received(start),
                answered(paris("2025-06-02T17:00"))).firstAnswer().orElseThrow();
        ClockFigure unanswered = figures(policies, FRANCE, "2025-06-03T09:00", opened(start, "caf"), received(start))
                .firstAnswer().orElseThrow();

        assertThat(justInTime.due()).isEqualTo(paris("2025-06-02T17:00"));
        assertThat(justInTime.state()).isEqualTo(ClockState.MET);
        assertThat(atTheDueDate.state()).isEqualTo(ClockState.BREACHED);
        assertThat(unanswered.state()).isEqualTo(ClockState.BREACHED);
        assertThat(unanswered.elapsed()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void warnsAtEightyPercentOfTheTarget() {
        SlaPolicies policies = SlaPolicies.defaultsOnly(DEFAULTS.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("PT10H business")));
        Instant start = paris("2025-06-02T09:00");
        ClockFigure before = figures(policies, FRANCE, "2025-06-02T16:59", opened(start, "caf"), received(start))
                .firstAnswer().orElseThrow();
        ClockFigure at = figures(policies, FRANCE, "2025-06-03T08:00", opened(start, "caf"), received(start))
                .firstAnswer().orElseThrow();

        assertThat(before.warning()).isFalse();
        assertThat(at.elapsed()).isEqualTo(Duration.ofHours(8));
        assertThat(at.warning()).isTrue();
        assertThat(at.state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void closingStopsResolutionAndDropsWaitingClocksReopeningResumesResolution() {
        SlaEvent[] events = {opened(paris("2025-06-02T10:00"), "caf"), received(paris("2025-06-02T10:00")),
                statusChanged(paris("2025-06-02T11:00"), SlaEvent.CLOSED),
                reopened(paris("2025-06-02T13:00")),
                statusChanged(paris("2025-06-02T14:00"), SlaEvent.CLOSED)};
        SlaFigures closedOnce = figures("2025-06-02T12:00", events);
        assertThat(closedOnce.resolution().orElseThrow().state()).isEqualTo(ClockState.MET);
        // Closed without acknowledgement nor answer: neither met nor breached, counted apart.
        assertThat(closedOnce.acknowledgement().orElseThrow().state()).isEqualTo(ClockState.DROPPED);
        assertThat(closedOnce.firstAnswer().orElseThrow().state()).isEqualTo(ClockState.DROPPED);

        ClockFigure resolution = figures("2025-06-20T12:00", events).resolution().orElseThrow();
        assertThat(resolution.state()).isEqualTo(ClockState.MET);
        assertThat(resolution.stoppedAt()).isEqualTo(paris("2025-06-02T14:00"));
        // 10–11 and 13–14: the two closed hours do not count.
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aTransferKeepsTheClocksAlreadyStarted() {
        SlaTerms prefecture = DEFAULTS.with(SlaMetric.FIRST_ANSWER, SlaTarget.valueOf("PT1H business"));
        SlaPolicies policies = SlaPolicies.defaultsOnly(DEFAULTS)
                .with(new SlaPolicy("prefecture", 1, paris("2025-01-01T00:00"), prefecture));
        SlaFigures figures = figures(policies, FRANCE, "2025-06-03T12:00",
                opened(paris("2025-06-02T10:00"), "mairie"), received(paris("2025-06-02T10:00")),
                transferred(paris("2025-06-02T11:00"), "prefecture"), answered(paris("2025-06-02T15:00")),
                received(paris("2025-06-03T09:00")));
        assertThat(figures.firstAnswer().orElseThrow().serviceCode()).isEqualTo("mairie");
        assertThat(figures.firstAnswer().orElseThrow().state()).isEqualTo(ClockState.MET);
        ClockFigure next = figures.nextAnswers().get(0);
        assertThat(next.serviceCode()).isEqualTo("prefecture");
        assertThat(next.policyVersion()).isEqualTo(1);
    }

    @Test
    void eventsAfterAsOfAreNotRead() {
        List<SlaEvent> events = new ArrayList<>(List.of(opened(paris("2025-06-02T10:00"), "caf"),
                received(paris("2025-06-02T10:00")), answered(paris("2025-06-02T15:00"))));
        SlaClock clock = new SlaClock(SlaPolicies.defaultsOnly(DEFAULTS), ServiceCalendars.single(FRANCE));
        ClockFigure first = clock.figures(events, paris("2025-06-02T12:00")).firstAnswer().orElseThrow();
        assertThat(first.state()).isEqualTo(ClockState.RUNNING);
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aClockNeedsTheCaseService() {
        SlaClock clock = new SlaClock(SlaPolicies.defaultsOnly(DEFAULTS), ServiceCalendars.single(FRANCE));
        assertThatThrownBy(() -> clock.figures(List.of(received(paris("2025-06-02T10:00"))), paris("2025-06-03T10:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CASE_OPENED");
    }
}
