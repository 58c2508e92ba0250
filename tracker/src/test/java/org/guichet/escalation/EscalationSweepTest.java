package org.guichet.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.calendar.BusinessCalendars;
import org.guichet.calendar.CalendarProperties;
import org.guichet.sla.ImplicitDecision;
import org.guichet.sla.ServiceCalendars;
import org.guichet.sla.SlaEvent;
import org.guichet.sla.SlaMetric;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaProperties;
import org.guichet.sla.SlaTerms;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The decision alone, on the default policy (5 working days to answer, warning at 0.8) and the
 * default calendar (Europe/Paris, Monday to Friday 09:00–17:00, French holidays).
 */
class EscalationSweepTest {

    /** Tuesday 3 March 2026, 10:00 in Paris. The first answer is due Tuesday 10 March, 24:00: 47 open hours. */
    static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");
    /** Monday 9 March, 16:30 in Paris: 38.5 of 47 open hours spent, past 0.8 (37.6). */
    static final Instant PAST_WARNING = Instant.parse("2026-03-09T15:30:00Z");
    /** Friday 6 March, 13:00 in Paris: 27 open hours spent. */
    static final Instant BEFORE_WARNING = Instant.parse("2026-03-06T12:00:00Z");
    /** Wednesday 11 March, 10:00 in Paris: past due. */
    static final Instant PAST_DUE = Instant.parse("2026-03-11T09:00:00Z");

    private static final SlaProperties SETTINGS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("guichet.sla", SlaProperties.class);
    private static final ServiceCalendars CALENDARS = ServiceCalendars.single(
            BusinessCalendars.from(new CalendarProperties(null)).get(CalendarProperties.DEFAULT));

    private final EscalationSweep sweep = new EscalationSweep(SlaPolicies.defaultsOnly(SETTINGS.terms()), CALENDARS,
            Period.ofDays(15));

    private static List<SlaEvent> acknowledgedRequest(SlaEvent... more) {
        List<SlaEvent> events = new java.util.ArrayList<>(List.of(SlaEvent.opened(T0, "prestations"),
                SlaEvent.received(T0), SlaEvent.acknowledged(T0.plusSeconds(60))));
        events.addAll(List.of(more));
        return events;
    }

    private List<CaseFlag> flags(List<SlaEvent> events, Instant asOf) {
        return sweep.decide(events, asOf).stream().map(Escalation::flag).toList();
    }

    @Test
    void nothingBeforeTheWarningThreshold() {
        assertThat(flags(acknowledgedRequest(), BEFORE_WARNING)).isEmpty();
    }

    @Test
    void eightyPercentOfTheFirstAnswerTargetWarns() {
        List<Escalation> decided = sweep.decide(acknowledgedRequest(), PAST_WARNING);
        assertThat(decided).extracting(Escalation::flag)
                .containsExactly(CaseFlag.of(FlagKind.WARNING, SlaMetric.FIRST_ANSWER, 1));
        assertThat(decided.get(0).figure().dueDate()).contains(Instant.parse("2026-03-10T23:00:00Z"));
    }

    @Test
    void pastTheDueDateIsABreachNotAWarning() {
        assertThat(flags(acknowledgedRequest(), PAST_DUE))
                .containsExactly(CaseFlag.of(FlagKind.BREACH, SlaMetric.FIRST_ANSWER, 1));
    }

    @Test
    void anAnsweredCaseRaisesNothing() {
        assertThat(flags(acknowledgedRequest(SlaEvent.answered(T0.plus(Duration.ofHours(1)))), PAST_DUE)).isEmpty();
    }

    @Test
    void aMissingAcknowledgementBreachesItsOwnClock() {
        List<SlaEvent> events = List.of(SlaEvent.opened(T0, "prestations"), SlaEvent.received(T0),
                SlaEvent.answered(T0.plus(Duration.ofHours(1))));
        assertThat(flags(events, BEFORE_WARNING))
                .containsExactly(CaseFlag.of(FlagKind.BREACH, SlaMetric.ACKNOWLEDGEMENT, 1));
    }

    @Test
    void aCaseWaitingOnTheCitizenIsNotEscalated() {
        List<SlaEvent> events = acknowledgedRequest(SlaEvent.statusChanged(T0.plus(Duration.ofHours(1)),
                SlaEvent.WAITING_CITIZEN));
        assertThat(flags(events, PAST_DUE)).isEmpty();
    }

    @Test
    void theThirdCitizenMessageWithoutAnswerEscalatesOnce() {
        List<SlaEvent> two = acknowledgedRequest(SlaEvent.received(T0.plus(Duration.ofHours(1))));
        assertThat(flags(two, T0.plus(Duration.ofHours(2)))).isEmpty();

        List<SlaEvent> three = acknowledgedRequest(SlaEvent.received(T0.plus(Duration.ofHours(1))),
                SlaEvent.received(T0.plus(Duration.ofHours(2))));
        List<Escalation> decided = sweep.decide(three, T0.plus(Duration.ofHours(2)));
        assertThat(decided).extracting(Escalation::flag)
                .containsExactly(CaseFlag.of(FlagKind.THIRD_MESSAGE_WITHOUT_ANSWER, SlaMetric.FIRST_ANSWER, 1));
        assertThat(decided.get(0).unansweredMessages()).isEqualTo(3);

        // A fourth message gives the same flag, which the store already holds: nothing new.
        List<SlaEvent> four = acknowledgedRequest(SlaEvent.received(T0.plus(Duration.ofHours(1))),
                SlaEvent.received(T0.plus(Duration.ofHours(2))), SlaEvent.received(T0.plus(Duration.ofHours(3))));
        assertThat(sweep.decide(four, T0.plus(Duration.ofHours(3)), Set.copyOf(decided.stream()
                .map(Escalation::flag).toList()))).isEmpty();
    }

    @Test
    void automaticMessagesDoNotCount() {
        List<SlaEvent> events = acknowledgedRequest(SlaEvent.receivedAutomatic(T0.plus(Duration.ofHours(1))),
                SlaEvent.receivedAutomatic(T0.plus(Duration.ofHours(2))),
                SlaEvent.received(T0.plus(Duration.ofHours(3))));
        assertThat(flags(events, T0.plus(Duration.ofHours(4)))).isEmpty();
    }

    @Test
    void threeFollowUpsAfterAnAnswerEscalateTheirOwnClock() {
        List<SlaEvent> events = acknowledgedRequest(SlaEvent.received(T0.plus(Duration.ofMinutes(30))),
                SlaEvent.answered(T0.plus(Duration.ofHours(1))),
                SlaEvent.received(T0.plus(Duration.ofHours(2))), SlaEvent.received(T0.plus(Duration.ofHours(3))),
                SlaEvent.received(T0.plus(Duration.ofHours(4))));
        assertThat(flags(events, T0.plus(Duration.ofHours(5))))
                .containsExactly(CaseFlag.of(FlagKind.THIRD_MESSAGE_WITHOUT_ANSWER, SlaMetric.NEXT_ANSWER, 1));
    }

    @Test
    void anApproachingImplicitDecisionIsFlaggedWithinTheWindow() {
        SlaTerms rejection = new SlaTerms(SETTINGS.terms().targets(), SETTINGS.terms().pausingStatuses(), 0.8,
                ImplicitDecision.REJECTION);
        EscalationSweep silence = new EscalationSweep(SlaPolicies.defaultsOnly(rejection), CALENDARS,
                Period.ofDays(15));
        // Received 3 March: decided by silence on 3 May; flagged from 18 April, 00:00 in Paris.
        List<SlaEvent> answered = acknowledgedRequest(SlaEvent.answered(T0.plus(Duration.ofHours(1))));
        assertThat(silence.decide(answered, Instant.parse("2026-04-17T21:00:00Z"))).isEmpty();
        List<Escalation> decided = silence.decide(answered, Instant.parse("2026-04-17T22:00:00Z"));
        assertThat(decided).extracting(Escalation::flag)
                .containsExactly(new CaseFlag(FlagKind.DECISION_DATE_APPROACHING, CaseFlag.IMPLICIT_DECISION, 1));
        assertThat(decided.get(0).deadline().decisionDate()).isEqualTo(LocalDate.of(2026, 5, 3));

        List<SlaEvent> closed = acknowledgedRequest(SlaEvent.answered(T0.plus(Duration.ofHours(1))),
                SlaEvent.statusChanged(T0.plus(Duration.ofHours(2)), SlaEvent.CLOSED));
        assertThat(silence.decide(closed, Instant.parse("2026-04-20T08:00:00Z"))).isEmpty();
    }

    @Test
    void eventsAfterTheInstantAreNotRead() {
        List<SlaEvent> events = acknowledgedRequest(SlaEvent.answered(PAST_DUE.plus(Duration.ofDays(1))));
        assertThat(flags(events, PAST_WARNING))
                .containsExactly(CaseFlag.of(FlagKind.WARNING, SlaMetric.FIRST_ANSWER, 1));
    }
}
